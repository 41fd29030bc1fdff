/* measure.h - the two measures of a value (SPEC §2 "Observation"): what
 * happened (`actual`, the default) and what was planned (`plan`, the
 * annual target or budget estimate). The numbers are those stored in
 * obs.measure (store/schema.sql). */
#ifndef PS_MEASURE_H
#define PS_MEASURE_H

enum { PS_MEASURE_ACTUAL = 0, PS_MEASURE_PLAN = 1 };

#endif
