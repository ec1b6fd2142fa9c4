// prfaq reads local repositories only: it never fetches, clones or pushes
// over a network, so it never opens a TLS connection. Debian's libgit2 1.5,
// built with mbedTLS, nevertheless parses every CA certificate of the system
// (/etc/ssl/certs/ca-certificates.crt, about 140 of them) inside
// git_libgit2_init(), and offers no option to skip it: 55 M instructions,
// over a third of a pre-commit hook on a repository of 13,000 files.
//
// This function replaces mbedTLS's for that one call. The executable is
// searched first when the dynamic linker binds libgit2's reference to it
// (the symbol is exported because a shared library the executable links,
// libgit2, uses it), so the certificates are not read. Nothing else in
// prfaq uses mbedTLS. Were prfaq ever to open a TLS connection through
// libgit2, it would find no trusted certificate and fail verification:
// closed, not open. Linked into the prfaq executable only (a static
// library's member that nothing references would not be linked).

extern "C" int mbedtls_x509_crt_parse_file(void* chain, const char* path) {
  (void)chain;
  (void)path;
  return 0;  // "parsed": libgit2 then tries no other location
}
