//! Heap objects: layout, allocation and constructors.

pub mod alloc;
pub mod layout;
