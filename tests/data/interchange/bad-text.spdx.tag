SPDXVersion: SPDX-2.3
DataLicense: CC0-1.0

PackageName: zlib
PackageVersion: 1.3.1
PackageDescription: <text>A compression library
that never ends
