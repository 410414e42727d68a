//! Record kinds: which object a `Kind::Record` is, and what its four slots and two raw
//! words hold. The header's type is the Python type; `rec_kind` names the layout so that
//! subclasses of a record type (a subclass of `property`, say) keep working.
//!
//! What must hold: a record's slots hold only values (traced; a weakref's referent
//! weakly); raw words hold only
//! integers or function pointers (never heap addresses).

/// s0 = function.
pub const REC_CLASSMETHOD: u8 = 1;
/// s0 = function.
pub const REC_STATICMETHOD: u8 = 2;
/// s0 = fget, s1 = fset, s2 = fdel, s3 = doc.
pub const REC_PROPERTY: u8 = 3;
/// s0 = name, s1 = owner type; a = getter fn, b = setter fn (0 = read-only).
pub const REC_GETSET: u8 = 4;
/// `__slots__` member: s0 = name, s1 = owner type; a = slot index.
pub const REC_MEMBER: u8 = 5;
/// super: s0 = type, s1 = object, s2 = object's type (the start of the MRO search).
pub const REC_SUPER: u8 = 6;
/// traceback: s0 = next, s1 = code, s2 = frame info (name); a = line, b = lasti.
pub const REC_TRACEBACK: u8 = 7;
/// Iterators over sequences: s0 = sequence; a = index.
pub const REC_SEQ_ITER: u8 = 8;
/// Range iterator: a = next value, b = remaining count (small ranges); s0.. for big ones.
pub const REC_RANGE_ITER: u8 = 9;
/// Generic iterators of builtins (enumerate, zip, map, filter, reversed, ...); layout
/// is private to the type's module.
pub const REC_ITER: u8 = 10;
/// Dict views and their iterators: s0 = dict; a = position; b = expected length.
pub const REC_DICT_VIEW: u8 = 11;
pub const REC_DICT_ITER: u8 = 12;
/// Set iterator: s0 = set; a = position; b = expected length.
pub const REC_SET_ITER: u8 = 13;
/// Frame objects handed to Python (`sys._getframe`, tracebacks): s0 = code, s1 = globals,
/// s2 = locals; a = line.
pub const REC_FRAME: u8 = 14;
/// Other small objects owned by one module (namespace, lock, file...).
pub const REC_OTHER: u8 = 15;
/// weakref.ref: s0 = referent, traced *weakly* (the collector clears it when the
/// referent dies), s1 = callback (None once called), s2 = cached hash (NULL until
/// computed), s3 = attribute dict of an instance of a Python subclass (NULL otherwise).
pub const REC_WEAKREF: u8 = 16;
