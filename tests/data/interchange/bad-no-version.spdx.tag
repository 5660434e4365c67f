DataLicense: CC0-1.0
PackageName: zlib
