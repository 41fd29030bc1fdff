/* main.c - placeholder while the command-line layer is written. */
#include <stdio.h>
int main(void) { puts("provstat"); return 0; }
