# Unit test programs, one per module (see etsi_add_unit_test in ../CMakeLists.txt).
etsi_add_unit_test(errors)
etsi_add_unit_test(util)
etsi_add_unit_test(xml)
etsi_add_unit_test(catalog)
etsi_add_unit_test(record)
etsi_add_unit_test(dossier)
etsi_add_unit_test(alloc)
