/* ASEANKG_API marks what libaseankg exports; the library is built with hidden visibility otherwise. */
#ifndef ASEANKG_API_H
#define ASEANKG_API_H

#if defined(__GNUC__)
#define ASEANKG_API __attribute__((visibility("default")))
#else
#define ASEANKG_API
#endif

#endif /* ASEANKG_API_H */
