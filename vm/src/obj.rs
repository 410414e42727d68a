//! Heap objects: layout, allocation and constructors, and the primitives that make them
//! safe to share between threads: the header's write lock (`objlock`), the global
//! locking mode (`lockmode`) and the publication protocol of growable storage
//! (`publish`).

pub mod alloc;
pub mod layout;
pub mod lockmode;
pub mod objlock;
pub mod publish;
