//! Long randomised multi-thread and collector torture runs (threads issue). Empty until
//! the interpreter runs Python code.
