# Unit test programs, one per module (see etsi_add_unit_test in ../CMakeLists.txt).
etsi_add_unit_test(errors)
etsi_add_unit_test(diagnostic)
etsi_add_unit_test(util)
etsi_add_unit_test(xml)
etsi_add_unit_test(catalog)
etsi_add_unit_test(record)
etsi_add_unit_test(dossier)
etsi_add_unit_test(alloc)
etsi_add_unit_test(evidence)
etsi_add_unit_test(lifecycle)
etsi_add_unit_test(migrate)
etsi_add_unit_test(signature)
etsi_add_unit_test(hostile)
# GRC interchange (etsi/interchange.h)
etsi_add_unit_test(json)
etsi_add_unit_test(oscal)
etsi_add_unit_test(import)
etsi_add_unit_test(xml_alloc)
etsi_add_unit_test(threads)
# libxslt and libxmlsec1 are initialized on first use, threads racing to it
etsi_add_unit_test(global)
# etsi_dossier_report() given results already computed
etsi_add_unit_test(report)
# the evaluation engine's phases and the report stage; etsi__evaluate is
# wrapped to count the evaluations
etsi_add_unit_test(engine LINK_OPTIONS -Wl,--wrap=etsi__evaluate)
# a version-1 options struct that ends at an unreadable page
etsi_add_unit_test(abi)
# the save's system calls are wrapped, to kill it or make them fail at will
etsi_add_unit_test(crash
  LINK_OPTIONS -Wl,--wrap=write -Wl,--wrap=fsync -Wl,--wrap=close -Wl,--wrap=rename)
# saving among other writers: conflicts, locks, links, temporaries; fsync()
# is wrapped to interrupt a save at a known point
etsi_add_unit_test(save LINK_OPTIONS -Wl,--wrap=fsync)
