# an SPDX 2.1 document
SPDXVersion: SPDX-2.1
DataLicense: CC0-1.0

PackageName: zlib
