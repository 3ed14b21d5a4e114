//! axum handlers for what is not a Leptos page or server function: plain form posts,
//! the session layer and static files.

pub mod account;
pub mod accounts;
pub mod advies;
pub mod analyse;
pub mod audit;
pub mod behandeling;
pub mod beheer;
pub mod beveiliging;
pub mod citeren;
pub mod documenten;
pub mod dubbels;
pub mod kennisbank;
pub mod limiet;
pub mod login;
pub mod melden;
pub mod opvolgen;
pub mod render;
pub mod sessie;
pub mod statisch;
