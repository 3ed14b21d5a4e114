//! Enforcement pages: the public register (server-rendered, no JavaScript, no wasm).

mod register;

pub use register::RegisterPagina;
