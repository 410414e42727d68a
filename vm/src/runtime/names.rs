//! Interned identifier strings that Rust code looks up by name (`__init__`, `__add__`...).
//!
//! Each is a pinned, interned `str`, so comparing a name with one of these is a pointer
//! comparison when the other side is interned too (all identifiers in code are).

use crate::value::Value;

macro_rules! names {
    ($($field:ident = $s:literal),* $(,)?) => {
        #[allow(non_snake_case)]
        pub struct Names { $(pub $field: Value),* }
        impl Names {
            pub fn build(mut intern: impl FnMut(&str) -> Value) -> Names {
                Names { $($field: intern($s)),* }
            }
        }
    };
}

names! {
    __init__ = "__init__", __new__ = "__new__", __call__ = "__call__",
    __getattr__ = "__getattr__", __getattribute__ = "__getattribute__",
    __setattr__ = "__setattr__", __delattr__ = "__delattr__",
    __get__ = "__get__", __set__ = "__set__", __delete__ = "__delete__",
    __set_name__ = "__set_name__", __init_subclass__ = "__init_subclass__",
    __class_getitem__ = "__class_getitem__",
    __repr__ = "__repr__", __str__ = "__str__", __format__ = "__format__",
    __hash__ = "__hash__", __eq__ = "__eq__", __ne__ = "__ne__", __lt__ = "__lt__",
    __le__ = "__le__", __gt__ = "__gt__", __ge__ = "__ge__", __bool__ = "__bool__",
    __len__ = "__len__", __getitem__ = "__getitem__", __setitem__ = "__setitem__",
    __delitem__ = "__delitem__", __missing__ = "__missing__", __iter__ = "__iter__",
    __next__ = "__next__", __reversed__ = "__reversed__", __contains__ = "__contains__",
    __enter__ = "__enter__", __exit__ = "__exit__", __aenter__ = "__aenter__",
    __aexit__ = "__aexit__", __aiter__ = "__aiter__", __anext__ = "__anext__",
    __await__ = "__await__", __index__ = "__index__", __int__ = "__int__",
    __float__ = "__float__", __complex__ = "__complex__", __round__ = "__round__",
    __trunc__ = "__trunc__", __floor__ = "__floor__", __ceil__ = "__ceil__",
    __neg__ = "__neg__", __pos__ = "__pos__", __abs__ = "__abs__", __invert__ = "__invert__",
    __name__ = "__name__", __qualname__ = "__qualname__", __module__ = "__module__",
    __doc__ = "__doc__", __dict__ = "__dict__", __class__ = "__class__",
    __slots__ = "__slots__", __classcell__ = "__classcell__", __mro__ = "__mro__",
    __bases__ = "__bases__", __base__ = "__base__", __builtins__ = "__builtins__",
    __file__ = "__file__", __path__ = "__path__", __package__ = "__package__",
    __spec__ = "__spec__", __loader__ = "__loader__", __all__ = "__all__",
    __annotations__ = "__annotations__", __main__ = "__main__", __weakref__ = "__weakref__",
    __del__ = "__del__",
    __prepare__ = "__prepare__", __mro_entries__ = "__mro_entries__",
    __instancecheck__ = "__instancecheck__", __subclasscheck__ = "__subclasscheck__",
    __sizeof__ = "__sizeof__", __length_hint__ = "__length_hint__",
    __traceback__ = "__traceback__", __cause__ = "__cause__", __context__ = "__context__",
    __suppress_context__ = "__suppress_context__", __self__ = "__self__",
    __func__ = "__func__", __wrapped__ = "__wrapped__", __defaults__ = "__defaults__",
    __kwdefaults__ = "__kwdefaults__", __code__ = "__code__", __globals__ = "__globals__",
    __closure__ = "__closure__", __abstractmethods__ = "__abstractmethods__",
    __match_args__ = "__match_args__", __copy__ = "__copy__", __deepcopy__ = "__deepcopy__",
    __reduce__ = "__reduce__", __reduce_ex__ = "__reduce_ex__", __dir__ = "__dir__",
    __import__ = "__import__", __build_class__ = "__build_class__",
    __fspath__ = "__fspath__", __bytes__ = "__bytes__", __objclass__ = "__objclass__",
    __isabstractmethod__ = "__isabstractmethod__", __orig_bases__ = "__orig_bases__",
    __debug__ = "__debug__",
    args = "args", value = "value", code = "code", msg = "msg", name = "name",
    path = "path", filename = "filename", lineno = "lineno", offset = "offset",
    text = "text", end_lineno = "end_lineno", end_offset = "end_offset",
    errno = "errno", strerror = "strerror", obj = "obj", key = "key",
    reverse = "reverse", sep = "sep", end = "end", file = "file", flush = "flush",
    default = "default", start = "start", send = "send", throw = "throw", close = "close",
    write = "write", read = "read", readline = "readline", keys = "keys",
    items = "items", values = "values", append = "append", extend = "extend",
    fileno = "fileno", mro = "mro", metaclass = "metaclass", exit = "exit", encoding = "encoding",
    errors = "errors", strict = "strict", fget = "fget", fset = "fset", fdel = "fdel",
    getter = "getter", setter = "setter", deleter = "deleter", cls = "cls", self_ = "self",
    excepthook = "excepthook", stdout = "stdout", stderr = "stderr", stdin = "stdin",
    displayhook = "displayhook", underscore = "_", real = "real", imag = "imag",
    numerator = "numerator", denominator = "denominator", start_ = "start", stop = "stop",
    step = "step", modules = "modules", argv = "argv", mode = "mode", closed = "closed",
}
