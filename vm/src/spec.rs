//! The instruction spec: every instruction is defined once, here.
//!
//! From the one table below the `instructions!` macro derives:
//! - `Op`, the opcode enum, with `Op::name`, `Op::arg_kind` (how the disassembler shows the
//!   argument), `Op::stack_effect` (used by the compiler to size frames and check depth),
//!   `Op::thin` (the thin operations the instruction decomposes into, for the future
//!   trace recorder and JIT);
//! - `Handlers`, a trait with one method per instruction, and `dispatch`, the match that
//!   the interpreter's loop runs. The interpreter implements `Handlers`, so adding an
//!   instruction here without a handler fails to compile.
//!
//! Stack notation: `[a, b] -> [c]` lists the top of the stack rightmost. Jump arguments are
//! absolute instruction indices. A jump to an index not greater than its own is a
//! backward jump and a safepoint. Calls use `[callable, self_or_null, args...]`.
//!
//! What must hold: `stack_effect` is exact for every instruction and both branch
//! outcomes; the compiler's stack-depth bookkeeping and the exception table rely on it.

/// How an instruction's argument is interpreted.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum ArgKind {
    None,
    /// Index into `consts`.
    Const,
    /// Index into `names`.
    Name,
    /// Index into the local variables (localsplus).
    Local,
    /// Index into localsplus for a cell or free variable.
    Deref,
    /// Absolute instruction index.
    Jump,
    /// A count or small immediate.
    Count,
    /// Binary operator number (`BinOp`).
    BinOp,
    /// Comparison number (`CmpOp`).
    Cmp,
    /// A superinstruction's two arguments: the first in the low 16 bits, the second above.
    Pair,
    /// A comparison number in the low 4 bits and an absolute jump target above.
    CmpJump,
}

/// Thin operations: the micro-steps a fat instruction decomposes into. The trace recorder
/// records these; each is simple enough to type-specialise and compile.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Thin {
    Nop,
    Push,
    Pop,
    LoadLocal,
    StoreLocal,
    CheckBound,
    LoadConst,
    LoadCell,
    StoreCell,
    DictLookup,
    DictStore,
    DictDelete,
    GuardType,
    GuardVersion,
    LoadSlot,
    StoreSlot,
    DescriptorGet,
    DescriptorSet,
    BinaryDispatch,
    UnaryDispatch,
    CompareDispatch,
    Truth,
    Branch,
    Jump,
    Safepoint,
    Alloc,
    InitSlots,
    IterNext,
    CallSetup,
    CallNative,
    PushFrame,
    PopFrame,
    Raise,
    Unwind,
    Yield,
    Resume,
    Import,
    Format,
    Convert,
}

macro_rules! instructions {
    ($(
        $(#[doc = $doc:literal])*
        $name:ident => $handler:ident($kind:ident) effect |$a:ident, $j:ident| $eff:expr, thin [$($thin:ident),*];
    )*) => {
        /// Opcodes; see the spec table in `spec.rs`.
        #[repr(u8)]
        #[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
        #[allow(non_camel_case_types, clippy::upper_case_acronyms)]
        pub enum Op { $( $(#[doc = $doc])* $name ),* }

        impl Op {
            pub const ALL: &'static [Op] = &[$(Op::$name),*];

            pub fn name(self) -> &'static str {
                match self { $(Op::$name => stringify!($name)),* }
            }

            pub fn arg_kind(self) -> ArgKind {
                match self { $(Op::$name => ArgKind::$kind),* }
            }

            /// Net stack effect; `jump` selects the branch-taken outcome.
            #[allow(unused_variables)]
            pub fn stack_effect(self, arg: u32, jump: bool) -> i32 {
                match self { $(Op::$name => { let $a = arg as i32; let $j = jump; $eff }),* }
            }

            pub fn thin(self) -> &'static [Thin] {
                match self { $(Op::$name => &[$(Thin::$thin),*]),* }
            }

            pub fn from_u8(b: u8) -> Option<Op> {
                Op::ALL.get(b as usize).copied()
            }
        }

        /// One handler per instruction. `Flow` tells the loop what to do next.
        pub trait Handlers {
            type Flow;
            $( fn $handler(&mut self, arg: u32) -> Self::Flow; )*
        }

        /// The interpreter's dispatch, derived from the table.
        #[inline(always)]
        pub fn dispatch<H: Handlers>(h: &mut H, op: Op, arg: u32) -> H::Flow {
            match op { $(Op::$name => h.$handler(arg)),* }
        }
    };
}

instructions! {
    /// Does nothing.
    NOP => op_nop(None) effect |a, j| 0, thin [Nop];
    /// `[v] -> []`
    POP_TOP => op_pop_top(None) effect |a, j| -1, thin [Pop];
    /// `[..., v(at depth a)] -> [..., v, v]`: pushes a copy of the a-th item (1 = top).
    COPY => op_copy(Count) effect |a, j| 1, thin [Push];
    /// Swaps the top with the a-th item (a >= 2).
    SWAP => op_swap(Count) effect |a, j| 0, thin [Nop];
    /// `[] -> [NULL]`
    PUSH_NULL => op_push_null(None) effect |a, j| 1, thin [Push];
    /// `[] -> [consts[a]]`
    LOAD_CONST => op_load_const(Const) effect |a, j| 1, thin [LoadConst, Push];
    /// `[] -> [local a]`; UnboundLocalError if unbound.
    LOAD_FAST => op_load_fast(Local) effect |a, j| 1, thin [LoadLocal, CheckBound, Push];
    /// `[v] -> []`, local a = v.
    STORE_FAST => op_store_fast(Local) effect |a, j| -1, thin [Pop, StoreLocal];
    /// Unbinds local a (UnboundLocalError if unbound).
    DELETE_FAST => op_delete_fast(Local) effect |a, j| 0, thin [CheckBound, StoreLocal];
    /// `[] -> [value]`: locals mapping, then globals, then builtins (NameError).
    LOAD_NAME => op_load_name(Name) effect |a, j| 1, thin [DictLookup, DictLookup, DictLookup, Push];
    /// `[v] -> []`: locals mapping[names[a]] = v.
    STORE_NAME => op_store_name(Name) effect |a, j| -1, thin [Pop, DictStore];
    /// Deletes names[a] from the locals mapping (NameError if missing).
    DELETE_NAME => op_delete_name(Name) effect |a, j| 0, thin [DictDelete];
    /// `[] -> [value]`: globals, then builtins (NameError).
    LOAD_GLOBAL => op_load_global(Name) effect |a, j| 1, thin [GuardVersion, DictLookup, Push];
    /// `[v] -> []`: globals[names[a]] = v.
    STORE_GLOBAL => op_store_global(Name) effect |a, j| -1, thin [Pop, DictStore];
    /// Deletes names[a] from globals (NameError if missing).
    DELETE_GLOBAL => op_delete_global(Name) effect |a, j| 0, thin [DictDelete];
    /// `[] -> [cell contents]` of localsplus a; NameError/UnboundLocalError if empty.
    LOAD_DEREF => op_load_deref(Deref) effect |a, j| 1, thin [LoadLocal, LoadCell, CheckBound, Push];
    /// `[v] -> []`: cell of localsplus a := v.
    STORE_DEREF => op_store_deref(Deref) effect |a, j| -1, thin [Pop, LoadLocal, StoreCell];
    /// Empties the cell of localsplus a.
    DELETE_DEREF => op_delete_deref(Deref) effect |a, j| 0, thin [LoadLocal, StoreCell];
    /// `[] -> [cell]`: the cell object itself in localsplus a (to build closures).
    LOAD_CLOSURE => op_load_closure(Deref) effect |a, j| 1, thin [LoadLocal, Push];
    /// Class bodies: `[] -> [v]` from the locals mapping if present, else the cell a.
    LOAD_CLASSDEREF => op_load_classderef(Deref) effect |a, j| 1, thin [DictLookup, LoadCell, Push];
    /// `[obj] -> [obj.names[a]]`
    LOAD_ATTR => op_load_attr(Name) effect |a, j| 0, thin [GuardType, GuardVersion, LoadSlot, DescriptorGet];
    /// `[value, obj] -> []`: obj.names[a] = value.
    STORE_ATTR => op_store_attr(Name) effect |a, j| -2, thin [GuardType, GuardVersion, StoreSlot, DescriptorSet];
    /// STORE_ATTR into `self` at the start of a function, before `self` can have escaped
    /// (never emitted by the compiler: `interp::quicken` puts it in place of such a
    /// STORE_ATTR). When the frame is an `__init__` entered by a class call, the object
    /// is one no other thread can reach, and the store needs no lock.
    STORE_ATTR_FRESH => op_store_attr_fresh(Name) effect |a, j| -2, thin [GuardType, GuardVersion, StoreSlot, DescriptorSet];
    /// `[obj] -> []`: del obj.names[a].
    DELETE_ATTR => op_delete_attr(Name) effect |a, j| -1, thin [GuardType, StoreSlot];
    /// `[obj] -> [method, obj]` when names[a] is a plain function found on the type (no
    /// bound method is made), else `[obj.names[a], NULL]`.
    LOAD_METHOD => op_load_method(Name) effect |a, j| 1, thin [GuardType, GuardVersion, LoadSlot, Push];
    /// `[container, key] -> [container[key]]`
    BINARY_SUBSCR => op_binary_subscr(None) effect |a, j| -1, thin [GuardType, BinaryDispatch];
    /// `[value, container, key] -> []`: container[key] = value.
    STORE_SUBSCR => op_store_subscr(None) effect |a, j| -3, thin [GuardType, BinaryDispatch];
    /// `[container, key] -> []`: del container[key].
    DELETE_SUBSCR => op_delete_subscr(None) effect |a, j| -2, thin [GuardType, BinaryDispatch];
    /// `[start, stop] -> [slice]` (a = 2) or `[start, stop, step] -> [slice]` (a = 3).
    BUILD_SLICE => op_build_slice(Count) effect |a, j| 1 - a, thin [Alloc, InitSlots];
    /// `[x, y] -> [x op y]`; a is a `BinOp` number (in-place forms are a + 13).
    BINARY_OP => op_binary_op(BinOp) effect |a, j| -1, thin [GuardType, GuardType, BinaryDispatch];
    /// `[x] -> [+x]`
    UNARY_POSITIVE => op_unary_positive(None) effect |a, j| 0, thin [GuardType, UnaryDispatch];
    /// `[x] -> [-x]`
    UNARY_NEGATIVE => op_unary_negative(None) effect |a, j| 0, thin [GuardType, UnaryDispatch];
    /// `[x] -> [not x]`
    UNARY_NOT => op_unary_not(None) effect |a, j| 0, thin [Truth];
    /// `[x] -> [~x]`
    UNARY_INVERT => op_unary_invert(None) effect |a, j| 0, thin [GuardType, UnaryDispatch];
    /// `[x, y] -> [x cmp y]`; a is a `CmpOp` number.
    COMPARE_OP => op_compare_op(Cmp) effect |a, j| -1, thin [GuardType, GuardType, CompareDispatch];
    /// `[x, y] -> [x is y]` (a = 1: `is not`).
    IS_OP => op_is_op(Count) effect |a, j| -1, thin [CompareDispatch];
    /// `[x, y] -> [x in y]` (a = 1: `not in`).
    CONTAINS_OP => op_contains_op(Count) effect |a, j| -1, thin [GuardType, CompareDispatch];
    /// Unconditional forward jump.
    JUMP_FORWARD => op_jump_forward(Jump) effect |a, j| 0, thin [Jump];
    /// Unconditional backward jump; a safepoint and a loop header for the tracer.
    JUMP_BACKWARD => op_jump_backward(Jump) effect |a, j| 0, thin [Safepoint, Jump];
    /// `[v] -> []`, jump if v is false.
    POP_JUMP_IF_FALSE => op_pop_jump_if_false(Jump) effect |a, j| -1, thin [Pop, Truth, Branch];
    /// `[v] -> []`, jump if v is true.
    POP_JUMP_IF_TRUE => op_pop_jump_if_true(Jump) effect |a, j| -1, thin [Pop, Truth, Branch];
    /// `[v] -> []`, jump if v is None.
    POP_JUMP_IF_NONE => op_pop_jump_if_none(Jump) effect |a, j| -1, thin [Pop, Branch];
    /// `[v] -> []`, jump if v is not None.
    POP_JUMP_IF_NOT_NONE => op_pop_jump_if_not_none(Jump) effect |a, j| -1, thin [Pop, Branch];
    /// `[v] -> [v]` and jump if v is false, else `[v] -> []`.
    JUMP_IF_FALSE_OR_POP => op_jump_if_false_or_pop(Jump) effect |a, j| if j { 0 } else { -1 }, thin [Truth, Branch];
    /// `[v] -> [v]` and jump if v is true, else `[v] -> []`.
    JUMP_IF_TRUE_OR_POP => op_jump_if_true_or_pop(Jump) effect |a, j| if j { 0 } else { -1 }, thin [Truth, Branch];
    /// `[obj] -> [iter(obj)]`
    GET_ITER => op_get_iter(None) effect |a, j| 0, thin [GuardType, IterNext];
    /// `[iter] -> [iter, next(iter)]`; when exhausted `[iter] -> []` and jump to a.
    FOR_ITER => op_for_iter(Jump) effect |a, j| if j { -1 } else { 1 }, thin [GuardType, IterNext, Branch, Push];
    /// `[x1..xa] -> [(x1..xa)]`
    BUILD_TUPLE => op_build_tuple(Count) effect |a, j| 1 - a, thin [Alloc, InitSlots];
    /// `[x1..xa] -> [[x1..xa]]`
    BUILD_LIST => op_build_list(Count) effect |a, j| 1 - a, thin [Alloc, InitSlots];
    /// `[x1..xa] -> [{x1..xa}]`
    BUILD_SET => op_build_set(Count) effect |a, j| 1 - a, thin [Alloc, InitSlots];
    /// `[k1, v1, ..., ka, va] -> [dict]`
    BUILD_MAP => op_build_map(Count) effect |a, j| 1 - 2 * a, thin [Alloc, DictStore];
    /// `[v1..va, keys_tuple] -> [dict]`
    BUILD_CONST_KEY_MAP => op_build_const_key_map(Count) effect |a, j| -a, thin [Alloc, DictStore];
    /// `[s1..sa] -> [s1 + ... + sa]` (all str).
    BUILD_STRING => op_build_string(Count) effect |a, j| 1 - a, thin [Alloc];
    /// `[list, ..., v] -> [list, ...]` with v appended; list is the a-th item after popping v.
    LIST_APPEND => op_list_append(Count) effect |a, j| -1, thin [Pop, StoreSlot];
    /// As LIST_APPEND, for a set.
    SET_ADD => op_set_add(Count) effect |a, j| -1, thin [Pop, DictStore];
    /// `[dict, ..., k, v] -> [dict, ...]` with dict[k] = v; dict is the a-th item after popping both.
    MAP_ADD => op_map_add(Count) effect |a, j| -2, thin [Pop, Pop, DictStore];
    /// `[list, ..., iterable] -> [list, ...]`, list.extend(iterable).
    LIST_EXTEND => op_list_extend(Count) effect |a, j| -1, thin [Pop, IterNext, StoreSlot];
    /// `[set, ..., iterable] -> [set, ...]`, set.update(iterable).
    SET_UPDATE => op_set_update(Count) effect |a, j| -1, thin [Pop, IterNext, DictStore];
    /// `[dict, ..., mapping] -> [dict, ...]`, dict.update(mapping).
    DICT_UPDATE => op_dict_update(Count) effect |a, j| -1, thin [Pop, DictStore];
    /// As DICT_UPDATE but a repeated key raises TypeError (for `**kwargs` in calls).
    DICT_MERGE => op_dict_merge(Count) effect |a, j| -1, thin [Pop, DictStore];
    /// `[list] -> [tuple(list)]`
    LIST_TO_TUPLE => op_list_to_tuple(None) effect |a, j| 0, thin [Alloc, InitSlots];
    /// `[v] -> [format(conv(v))]` or `[v, spec] -> [format(conv(v), spec)]` when a & 4;
    /// a & 3: 0 none, 1 str, 2 repr, 3 ascii.
    FORMAT_VALUE => op_format_value(Count) effect |a, j| if a & 4 != 0 { -1 } else { 0 }, thin [Convert, Format];
    /// `[seq] -> [x_{a-1}, ..., x_0]` (x_0 on top); ValueError on a length mismatch.
    UNPACK_SEQUENCE => op_unpack_sequence(Count) effect |a, j| a - 1, thin [GuardType, LoadSlot];
    /// Star unpacking: a = before | after << 8; pushes before + 1 + after values, the
    /// starred list among them, first value on top.
    UNPACK_EX => op_unpack_ex(Count) effect |a, j| (a & 0xff) + (a >> 8), thin [IterNext, Alloc];
    /// `[callable, self_or_null, x1..xa] -> [result]`; with a preceding KW_NAMES the last
    /// len(kwnames) arguments are keywords.
    CALL => op_call(Count) effect |a, j| -1 - a, thin [CallSetup, PushFrame, CallNative];
    /// Sets the keyword names (consts[a], a tuple of str) for the next CALL.
    KW_NAMES => op_kw_names(Const) effect |a, j| 0, thin [Nop];
    /// `[callable, self_or_null, args_tuple] -> [result]`, or with a & 1
    /// `[callable, self_or_null, args_tuple, kwargs_dict] -> [result]`.
    CALL_FUNCTION_EX => op_call_function_ex(Count) effect |a, j| if a & 1 != 0 { -3 } else { -2 }, thin [CallSetup, PushFrame, CallNative];
    /// `[defaults?, kwdefaults?, annotations?, closure?, code] -> [function]`; flags a:
    /// 1 defaults tuple, 2 kwdefaults dict, 4 annotations tuple (name, value, ...), 8 closure tuple.
    MAKE_FUNCTION => op_make_function(Count) effect |a, j| -((a & 1 != 0) as i32 + (a & 2 != 0) as i32 + (a & 4 != 0) as i32 + (a & 8 != 0) as i32), thin [Alloc, InitSlots];
    /// `[v] -> return v` to the caller.
    RETURN_VALUE => op_return_value(None) effect |a, j| -1, thin [PopFrame, Safepoint];
    /// Generators: `[v] -> []` suspends yielding v; on resume pushes the sent value
    /// (`[] -> [sent]`, net 0). a = 1 marks the yield of a `yield from`/`await` loop.
    YIELD_VALUE => op_yield_value(Count) effect |a, j| 0, thin [Yield, Resume];
    /// `[obj] -> [iterator]` for `yield from` (a generator or coroutine passes through).
    GET_YIELD_FROM_ITER => op_get_yield_from_iter(None) effect |a, j| 0, thin [GuardType, IterNext];
    /// `[receiver, v] -> [receiver, yielded]` after sending v (None: `next`); when the
    /// receiver finishes, `[receiver, v] -> [return_value]` and jump to a.
    SEND => op_send(Jump) effect |a, j| if j { -1 } else { 0 }, thin [IterNext, Branch];
    /// `[obj] -> [awaitable iterator]` (a: 0 await, 1 after __aenter__, 2 after __aexit__).
    GET_AWAITABLE => op_get_awaitable(Count) effect |a, j| 0, thin [GuardType];
    /// `[obj] -> [obj.__aiter__()]`
    GET_AITER => op_get_aiter(None) effect |a, j| 0, thin [CallNative];
    /// `[aiter] -> [aiter, awaitable of aiter.__anext__()]`
    GET_ANEXT => op_get_anext(None) effect |a, j| 1, thin [CallNative, Push];
    /// Handler of `async for`: `[aiter, exc] -> []` when exc is StopAsyncIteration, else re-raise.
    END_ASYNC_FOR => op_end_async_for(None) effect |a, j| -2, thin [Unwind];
    /// `[mgr] -> [bound __aexit__, awaitable of __aenter__()]`
    BEFORE_ASYNC_WITH => op_before_async_with(None) effect |a, j| 1, thin [CallNative, Push];
    /// `[mgr] -> [bound __exit__, mgr.__enter__()]`
    BEFORE_WITH => op_before_with(None) effect |a, j| 1, thin [CallNative, Push];
    /// `[exit, lasti, prev_exc, exc] -> [exit, lasti, prev_exc, exc, exit(type, exc, tb)]`
    WITH_EXCEPT_START => op_with_except_start(None) effect |a, j| 1, thin [CallNative, Push];
    /// a = 0: re-raise the handled exception; 1: `[exc] -> raise exc`; 2: `[exc, cause] -> raise exc from cause`.
    RAISE_VARARGS => op_raise_varargs(Count) effect |a, j| -a, thin [Raise];
    /// `[..., exc] -> raise exc` again, keeping its traceback. a is informational.
    RERAISE => op_reraise(Count) effect |a, j| -1, thin [Raise];
    /// `[exc] -> [prev_exc_info, exc]`; exc becomes the exception being handled.
    PUSH_EXC_INFO => op_push_exc_info(None) effect |a, j| 1, thin [Push];
    /// `[prev_exc_info] -> []`; restores the exception being handled.
    POP_EXCEPT => op_pop_except(None) effect |a, j| -1, thin [Pop];
    /// `[exc, type] -> [exc, isinstance(exc, type)]` (type may be a tuple).
    CHECK_EXC_MATCH => op_check_exc_match(None) effect |a, j| 0, thin [GuardType];
    /// `[] -> [AssertionError]`
    LOAD_ASSERTION_ERROR => op_load_assertion_error(None) effect |a, j| 1, thin [LoadConst, Push];
    /// `[level, fromlist] -> [module]`: imports names[a].
    IMPORT_NAME => op_import_name(Name) effect |a, j| -1, thin [Import];
    /// `[module] -> [module, module.names[a]]` (ImportError if missing).
    IMPORT_FROM => op_import_from(Name) effect |a, j| 1, thin [Import];
    /// `[module] -> []`: `from module import *` into the locals mapping.
    IMPORT_STAR => op_import_star(None) effect |a, j| -1, thin [Import];
    /// `[] -> [builtins.__build_class__]`
    LOAD_BUILD_CLASS => op_load_build_class(None) effect |a, j| 1, thin [DictLookup, Push];
    /// Creates `__annotations__` in the locals mapping if missing.
    SETUP_ANNOTATIONS => op_setup_annotations(None) effect |a, j| 0, thin [DictStore];
    /// Interactive mode: `[v] -> []`, prints repr(v) unless None and sets builtins._.
    PRINT_EXPR => op_print_expr(None) effect |a, j| -1, thin [CallNative];
    /// `[obj] -> [obj, len(obj)]`
    GET_LEN => op_get_len(None) effect |a, j| 1, thin [CallNative, Push];
    /// `[subject] -> [subject, is_mapping]`
    MATCH_MAPPING => op_match_mapping(None) effect |a, j| 1, thin [GuardType, Push];
    /// `[subject] -> [subject, is_sequence]` (not str/bytes/bytearray)
    MATCH_SEQUENCE => op_match_sequence(None) effect |a, j| 1, thin [GuardType, Push];
    /// `[subject, keys_tuple] -> [subject, keys_tuple, values_tuple or None]`
    MATCH_KEYS => op_match_keys(None) effect |a, j| 1, thin [DictLookup, Push];
    /// `[subject, cls, kw_names_tuple] -> [attrs_tuple or None]`; a = positional count.
    MATCH_CLASS => op_match_class(Count) effect |a, j| -2, thin [GuardType, LoadSlot];
    /// `except*` matching: `[exc, type] -> [rest, match]` when part of exc (an exception,
    /// an exception group, or None) matches type: `match` is the matching part as an
    /// exception group (a bare matching exception is wrapped in `ExceptionGroup("", [exc])`)
    /// and becomes the exception being handled; `rest` is the unmatched remainder or None.
    /// Without a match (or when exc is None): `[exc, type] -> [exc, None]`. TypeError if type
    /// is, or contains, an ExceptionGroup subclass.
    CHECK_EG_MATCH => op_check_eg_match(None) effect |a, j| 0, thin [GuardType, CallNative];
    /// End of `except*`: `[orig, list] -> [exc or None]`: list holds the exceptions raised by
    /// the handler bodies and, last, the unhandled remainder (or None); the result is what
    /// to re-raise, merged as CPython's `_PyExc_PrepReraiseStar(orig, list)` (None when
    /// nothing is left).
    PREP_RERAISE_STAR => op_prep_reraise_star(None) effect |a, j| -1, thin [CallNative];

    // Superinstructions. The compiler never emits these: `interp::quicken` puts one in
    // place of the first of two instructions, leaves the second where it was (a jump may
    // target it) and the superinstruction runs both, stepping over the second.
    /// LOAD_FAST; LOAD_FAST.
    LOAD_FAST__LOAD_FAST => op_load_fast_load_fast(Pair) effect |a, j| 2, thin [LoadLocal, CheckBound, Push, LoadLocal, CheckBound, Push];
    /// LOAD_FAST; LOAD_CONST.
    LOAD_FAST__LOAD_CONST => op_load_fast_load_const(Pair) effect |a, j| 2, thin [LoadLocal, CheckBound, Push, LoadConst, Push];
    /// STORE_FAST; LOAD_FAST.
    STORE_FAST__LOAD_FAST => op_store_fast_load_fast(Pair) effect |a, j| 0, thin [Pop, StoreLocal, LoadLocal, CheckBound, Push];
    /// LOAD_FAST; LOAD_ATTR (the attribute cache is the LOAD_ATTR's).
    LOAD_FAST__LOAD_ATTR => op_load_fast_load_attr(Pair) effect |a, j| 1, thin [LoadLocal, CheckBound, Push, GuardType, GuardVersion, DictLookup, DescriptorGet];
    /// LOAD_FAST; LOAD_METHOD (the cache is the LOAD_METHOD's).
    LOAD_FAST__LOAD_METHOD => op_load_fast_load_method(Pair) effect |a, j| 2, thin [LoadLocal, CheckBound, Push, GuardType, GuardVersion, DictLookup, Push];
    /// LOAD_GLOBAL; PUSH_NULL (the cache is the LOAD_GLOBAL's).
    LOAD_GLOBAL__PUSH_NULL => op_load_global_push_null(Name) effect |a, j| 2, thin [GuardVersion, DictLookup, Push, Push];
    /// COMPARE_OP; POP_JUMP_IF_FALSE.
    COMPARE_OP__POP_JUMP_IF_FALSE => op_compare_op_pop_jump_if_false(CmpJump) effect |a, j| -2, thin [CompareDispatch, Truth, Branch];
    /// COMPARE_OP; POP_JUMP_IF_TRUE.
    COMPARE_OP__POP_JUMP_IF_TRUE => op_compare_op_pop_jump_if_true(CmpJump) effect |a, j| -2, thin [CompareDispatch, Truth, Branch];
}

/// Binary operator numbers of BINARY_OP (CPython 3.11's numbering).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum BinOp {
    Add = 0,
    And = 1,
    FloorDiv = 2,
    LShift = 3,
    MatMul = 4,
    Mul = 5,
    Mod = 6,
    Or = 7,
    Pow = 8,
    RShift = 9,
    Sub = 10,
    TrueDiv = 11,
    Xor = 12,
}

pub const INPLACE: u32 = 13;

impl BinOp {
    pub const ALL: [BinOp; 13] = [
        BinOp::Add,
        BinOp::And,
        BinOp::FloorDiv,
        BinOp::LShift,
        BinOp::MatMul,
        BinOp::Mul,
        BinOp::Mod,
        BinOp::Or,
        BinOp::Pow,
        BinOp::RShift,
        BinOp::Sub,
        BinOp::TrueDiv,
        BinOp::Xor,
    ];
    pub fn from_arg(a: u32) -> (BinOp, bool) {
        let inplace = a >= INPLACE;
        (BinOp::ALL[(a % INPLACE) as usize], inplace)
    }
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::And => "&",
            BinOp::FloorDiv => "//",
            BinOp::LShift => "<<",
            BinOp::MatMul => "@",
            BinOp::Mul => "*",
            BinOp::Mod => "%",
            BinOp::Or => "|",
            BinOp::Pow => "**",
            BinOp::RShift => ">>",
            BinOp::Sub => "-",
            BinOp::TrueDiv => "/",
            BinOp::Xor => "^",
        }
    }
}

/// Comparison numbers of COMPARE_OP.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum CmpOp {
    Lt = 0,
    Le = 1,
    Eq = 2,
    Ne = 3,
    Gt = 4,
    Ge = 5,
}

impl CmpOp {
    /// Whether `p op q` holds, for operands with a built-in order.
    #[inline(always)]
    pub fn holds<T: PartialOrd>(self, p: T, q: T) -> bool {
        match self {
            CmpOp::Lt => p < q,
            CmpOp::Le => p <= q,
            CmpOp::Eq => p == q,
            CmpOp::Ne => p != q,
            CmpOp::Gt => p > q,
            CmpOp::Ge => p >= q,
        }
    }

    pub const ALL: [CmpOp; 6] = [
        CmpOp::Lt,
        CmpOp::Le,
        CmpOp::Eq,
        CmpOp::Ne,
        CmpOp::Gt,
        CmpOp::Ge,
    ];
    pub fn from_arg(a: u32) -> CmpOp {
        CmpOp::ALL[(a % 6) as usize]
    }
    pub fn symbol(self) -> &'static str {
        match self {
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Eq => "==",
            CmpOp::Ne => "!=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
        }
    }
    /// The comparison applied to an ordering.
    pub fn test(self, o: std::cmp::Ordering) -> bool {
        use std::cmp::Ordering::*;
        match self {
            CmpOp::Lt => o == Less,
            CmpOp::Le => o != Greater,
            CmpOp::Eq => o == Equal,
            CmpOp::Ne => o != Equal,
            CmpOp::Gt => o == Greater,
            CmpOp::Ge => o != Less,
        }
    }
    pub fn dunder(self) -> &'static str {
        match self {
            CmpOp::Lt => "__lt__",
            CmpOp::Le => "__le__",
            CmpOp::Eq => "__eq__",
            CmpOp::Ne => "__ne__",
            CmpOp::Gt => "__gt__",
            CmpOp::Ge => "__ge__",
        }
    }
    /// The comparison with operands swapped (for reflected rich comparison).
    pub fn swapped(self) -> CmpOp {
        match self {
            CmpOp::Lt => CmpOp::Gt,
            CmpOp::Le => CmpOp::Ge,
            CmpOp::Eq => CmpOp::Eq,
            CmpOp::Ne => CmpOp::Ne,
            CmpOp::Gt => CmpOp::Lt,
            CmpOp::Ge => CmpOp::Le,
        }
    }
}

/// Code flags (CPython's values).
pub mod co {
    pub const OPTIMIZED: u32 = 0x1;
    pub const NEWLOCALS: u32 = 0x2;
    pub const VARARGS: u32 = 0x4;
    pub const VARKEYWORDS: u32 = 0x8;
    pub const NESTED: u32 = 0x10;
    pub const GENERATOR: u32 = 0x20;
    pub const NOFREE: u32 = 0x40;
    pub const COROUTINE: u32 = 0x80;
    pub const ITERABLE_COROUTINE: u32 = 0x100;
    pub const ASYNC_GENERATOR: u32 = 0x200;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opcodes_round_trip() {
        for (i, op) in Op::ALL.iter().enumerate() {
            assert_eq!(Op::from_u8(i as u8), Some(*op));
            assert!(!op.thin().is_empty(), "{} has no thin ops", op.name());
        }
    }

    #[test]
    fn branch_effects() {
        assert_eq!(Op::FOR_ITER.stack_effect(0, false), 1);
        assert_eq!(Op::FOR_ITER.stack_effect(0, true), -1);
        assert_eq!(Op::MAKE_FUNCTION.stack_effect(0b1011, false), -3);
        assert_eq!(Op::UNPACK_EX.stack_effect(1 | (2 << 8), false), 3);
    }
}
