/**
 * @file etsi.h
 * @brief libetsi: ETSI EN 303 645 clause 5.3 secure-update evidence carried
 *        through the ETSI TS 103 701 assessment.
 *
 * Include this header alone; it brings in every public header.  Anything
 * not declared in these headers is not part of libetsi's API.
 */
#ifndef ETSI_H
#define ETSI_H

#include "etsi/common.h"
#include "etsi/version.h"
#include "etsi/errors.h"
#include "etsi/global.h"
#include "etsi/record.h"
#include "etsi/diagnostic.h"
#include "etsi/catalog.h"
#include "etsi/dossier.h"
#include "etsi/check.h"
#include "etsi/results.h"
#include "etsi/report.h"
#include "etsi/migrate.h"
#include "etsi/signature.h"
#include "etsi/evidence.h"
#include "etsi/lifecycle.h"
#include "etsi/interchange.h"

#endif
