//! Knowledge base service tests (filled in below).
