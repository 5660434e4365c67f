SPDXVersion: SPDX-2.3
DataLicense: CC0-1.0
SPDXID: SPDXRef-DOCUMENT
DocumentName: ex100-firmware-1.0.0
DocumentNamespace: https://example.com/spdx/ex100-firmware-1.0.0
Creator: Tool: example
Created: 2026-05-30T00:00:00Z

##### Package: openssl/openssl

PackageName: openssl/openssl
SPDXID: SPDXRef-openssl
PackageVersion: 3.0.14
PackageSupplier: Organization: OpenSSL Software Foundation
PackageDownloadLocation: NOASSERTION
FilesAnalyzed: false
PackageChecksum: SHA256: f498a8ff2dd007e29c2074f5e4b01a9a01775c3ff3aeaf6906ea503bc5791b7b
PackageChecksum: SHA1: e6b1000b94e835ffd37f4c6dcbdad43f4b48a02a
PackageSummary: <text>TLS and crypto library.</text>
PackageCopyrightText: <text>Copyright 1998-2024 The OpenSSL Project Authors
Copyright (c) 1995-1998 Eric A. Young, Tim J. Hudson
PackageName: not a package, inside a text</text>
ExternalRef: PACKAGE-MANAGER purl pkg:generic/openssl@3.0.14
PrimaryPackagePurpose: LIBRARY

##### Package: zlib

PackageName: zlib
SPDXID: SPDXRef-zlib
PackageVersion: 1.3.1
PackageSupplier: NOASSERTION
PackageDownloadLocation: NOASSERTION
ExternalRef: SECURITY cpe23Type cpe:2.3:a:zlib:zlib:1.3.1:*:*:*:*:*:*:*

FileName: ./lib/libz.so.1.3.1
SPDXID: SPDXRef-File-libz
FileChecksum: SHA1: 0000000000000000000000000000000000000000
PackageVersion: 9.9 (a file's field, not the package's)

##### Package: busybox

PackageName: busybox
SPDXID: SPDXRef-busybox
PackageVersion: 1.36.1
PackageSupplier: Organization: BusyBox Project
PackageDownloadLocation: NOASSERTION
PrimaryPackagePurpose: APPLICATION

##### Package: EX-100 main board

PackageName: EX-100 main board
SPDXID: SPDXRef-board
PackageVersion: rev C
PackageDownloadLocation: NOASSERTION
PrimaryPackagePurpose: DEVICE

Relationship: SPDXRef-DOCUMENT DESCRIBES SPDXRef-busybox
