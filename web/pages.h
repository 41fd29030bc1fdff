/* pages.h - the portal's pages (SPEC §9), each a function of the request. */
#ifndef PS_WEB_PAGES_H
#define PS_WEB_PAGES_H

#include "web/request.h"

void ps_page_style(ps_web_req *r);
void ps_page_login_form(ps_web_req *r);
void ps_page_login(ps_web_req *r);
void ps_page_logout(ps_web_req *r);
void ps_page_lang(ps_web_req *r);
void ps_page_home(ps_web_req *r);
void ps_page_status(ps_web_req *r);
void ps_page_upload_form(ps_web_req *r);
void ps_page_upload(ps_web_req *r);
void ps_page_upload_errors(ps_web_req *r);
void ps_page_submissions(ps_web_req *r);
void ps_page_trend(ps_web_req *r);
void ps_page_summary(ps_web_req *r);
void ps_page_workbook(ps_web_req *r);
void ps_page_export(ps_web_req *r);
void ps_page_template(ps_web_req *r);
void ps_page_raw(ps_web_req *r);
void ps_page_admin(ps_web_req *r);
void ps_page_account_add(ps_web_req *r);
void ps_page_account_remove(ps_web_req *r);
void ps_page_close(ps_web_req *r);
void ps_page_reopen(ps_web_req *r);
void ps_page_retract(ps_web_req *r);

#endif
