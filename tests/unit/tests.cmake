# Unit test programs, one per module (see etsi_add_unit_test in ../CMakeLists.txt).
