/* The ICS spreadsheet import (csv.c). */
#ifndef ETSI_SRC_CSV_H
#define ETSI_SRC_CSV_H

#include "import.h"

extern const etsi__importer etsi__import_ics_csv;

#endif
