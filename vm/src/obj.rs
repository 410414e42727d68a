//! Heap objects: layout (and, in progress, allocation and constructors).

pub mod layout;
