//! Loops, `return`/`break`/`continue`, `try` and `with`: the statements that need frame
//! blocks and exception handlers. Layouts follow CPython 3.11's compile.c exactly; the
//! stack contents at each handler are documented on the functions.
//!
//! What must hold: handler pushes and pops pair up on every compile path, and the
//! handler stack is restored after emitting the unwinding code of `return`, `break` and
//! `continue` (the code after them is unreachable but still compiled).

use super::consts::const_value;
use super::{Compiler, Ctx, FBlock, Label};
use crate::compiler::code::Const;
use crate::compiler::error::R;
use crate::spec::Op;
use ruff_python_ast as ast;
use ruff_text_size::{Ranged, TextRange};

impl<'a> Compiler<'a> {
    pub fn while_stmt(&mut self, w: &'a ast::StmtWhile) -> R<()> {
        let start = self.new_label();
        let anchor = self.new_label();
        let exit = self.new_label();
        self.bind(start);
        self.push_fblock(FBlock::WhileLoop { start, exit }, w.range)?;
        self.jump_if(&w.test, anchor, false)?;
        self.stmts(&w.body)?;
        self.set_line(w.range);
        self.jump_to(start);
        self.pop_fblock();
        self.bind(anchor);
        self.stmts(&w.orelse)?;
        self.bind(exit);
        Ok(())
    }

    pub fn for_stmt(&mut self, f: &'a ast::StmtFor) -> R<()> {
        if f.is_async {
            return self.async_for(f);
        }
        let start = self.new_label();
        let cleanup = self.new_label();
        let end = self.new_label();
        self.expr(&f.iter)?;
        self.emit0(Op::GET_ITER);
        self.bind(start);
        self.set_line(f.range);
        self.jump(Op::FOR_ITER, cleanup);
        self.push_fblock(FBlock::ForLoop { start, exit: end }, f.range)?;
        self.store_target(&f.target)?;
        self.stmts(&f.body)?;
        self.set_line(f.range);
        self.jump_to(start);
        self.pop_fblock();
        self.bind(cleanup);
        self.stmts(&f.orelse)?;
        self.bind(end);
        Ok(())
    }

    /// `[aiter]`; the handler around `__anext__` gets `[aiter, exc]` and END_ASYNC_FOR
    /// ends the loop on StopAsyncIteration.
    fn async_for(&mut self, f: &'a ast::StmtFor) -> R<()> {
        if !self.scope().is_async_def {
            return self.err("'async for' outside async function", f.range);
        }
        let start = self.new_label();
        let except = self.new_label();
        let end = self.new_label();
        self.expr(&f.iter)?;
        self.emit0(Op::GET_AITER);
        self.bind(start);
        self.push_fblock(FBlock::ForLoop { start, exit: end }, f.range)?;
        let h = self.new_handler(except, false, 0);
        self.push_handler(h);
        self.set_line(f.range);
        self.emit0(Op::GET_ANEXT);
        self.load_const(Const::None);
        self.yield_from_loop();
        self.pop_handler();
        self.store_target(&f.target)?;
        self.stmts(&f.body)?;
        self.set_line(f.range);
        self.jump_to(start);
        self.pop_fblock();
        self.bind(except);
        self.set_line(f.iter.range());
        self.emit0(Op::END_ASYNC_FOR);
        self.stmts(&f.orelse)?;
        self.bind(end);
        Ok(())
    }

    pub fn return_stmt(&mut self, r: &'a ast::StmtReturn) -> R<()> {
        let scope = self.scope();
        if !self.unit().kind.is_function() {
            return self.err("'return' outside function", r.range);
        }
        if r.value.is_some() && scope.is_coroutine && scope.is_generator {
            return self.err("'return' with value in async generator", r.range);
        }
        let folded = r.value.as_deref().map(const_value);
        let preserve = matches!(folded, Some(None));
        if preserve {
            if let Some(v) = &r.value {
                self.expr(v)?;
            }
        }
        let saved = self.unit().hstack.clone();
        self.set_line(r.range);
        self.unwind_fblock_stack(preserve, false, r.range)?;
        self.set_line(r.range);
        match folded {
            None => self.load_const(Const::None),
            Some(Some(c)) => self.load_const(c),
            Some(None) => {}
        }
        self.emit0(Op::RETURN_VALUE);
        self.u().hstack = saved;
        Ok(())
    }

    pub fn break_stmt(&mut self, range: TextRange) -> R<()> {
        let saved = self.unit().hstack.clone();
        let Some(lp) = self.unwind_fblock_stack(false, true, range)? else {
            return self.err("'break' outside loop", range);
        };
        self.set_line(range);
        self.unwind_fblock(lp, false)?;
        match lp {
            FBlock::WhileLoop { exit, .. } | FBlock::ForLoop { exit, .. } => self.jump_to(exit),
            _ => {}
        }
        self.u().hstack = saved;
        Ok(())
    }

    pub fn continue_stmt(&mut self, range: TextRange) -> R<()> {
        let saved = self.unit().hstack.clone();
        let Some(lp) = self.unwind_fblock_stack(false, true, range)? else {
            return self.err("'continue' not properly in loop", range);
        };
        self.set_line(range);
        match lp {
            FBlock::WhileLoop { start, .. } | FBlock::ForLoop { start, .. } => self.jump_to(start),
            _ => {}
        }
        self.u().hstack = saved;
        Ok(())
    }

    /// Unwinds frame blocks from the top; with `want_loop`, stops at (and returns) the
    /// innermost loop.
    fn unwind_fblock_stack(
        &mut self,
        preserve: bool,
        want_loop: bool,
        range: TextRange,
    ) -> R<Option<FBlock<'a>>> {
        let Some(&top) = self.unit().fblocks.last() else {
            return Ok(None);
        };
        if let FBlock::ExceptionGroupHandler = top {
            return self.err(
                "'break', 'continue' and 'return' cannot appear in an except* block",
                range,
            );
        }
        if want_loop && matches!(top, FBlock::WhileLoop { .. } | FBlock::ForLoop { .. }) {
            return Ok(Some(top));
        }
        self.u().fblocks.pop();
        let r = self
            .unwind_fblock(top, preserve)
            .and_then(|_| self.unwind_fblock_stack(preserve, want_loop, range));
        self.u().fblocks.push(top);
        r
    }

    /// The code that leaves one frame block early (CPython's `compiler_unwind_fblock`).
    fn unwind_fblock(&mut self, fb: FBlock<'a>, preserve: bool) -> R<()> {
        match fb {
            FBlock::WhileLoop { .. }
            | FBlock::ExceptionHandler
            | FBlock::ExceptionGroupHandler
            | FBlock::AsyncComprehensionGenerator => {}
            FBlock::ForLoop { .. } | FBlock::PopValue => {
                if preserve {
                    self.emit(Op::SWAP, 2);
                }
                self.emit0(Op::POP_TOP);
            }
            FBlock::TryExcept => self.pop_handler(),
            FBlock::FinallyTry { body } => {
                self.pop_handler();
                if preserve {
                    self.u().fblocks.push(FBlock::PopValue);
                }
                let r = self.stmts(body);
                if preserve {
                    self.pop_fblock();
                }
                r?;
            }
            FBlock::FinallyEnd => {
                if preserve {
                    self.emit(Op::SWAP, 2);
                }
                self.emit0(Op::POP_TOP);
                if preserve {
                    self.emit(Op::SWAP, 2);
                }
                self.pop_handler();
                self.emit0(Op::POP_EXCEPT);
            }
            FBlock::With { is_async, line } => {
                let saved = self.unit().line;
                self.u().line = line;
                self.pop_handler();
                if preserve {
                    self.emit(Op::SWAP, 2);
                }
                self.call_exit_with_nones();
                if is_async {
                    self.emit(Op::GET_AWAITABLE, 2);
                    self.load_const(Const::None);
                    self.yield_from_loop();
                }
                self.emit0(Op::POP_TOP);
                self.u().line = saved;
            }
            FBlock::HandlerCleanup { name } => {
                if name.is_some() {
                    self.pop_handler();
                }
                if preserve {
                    self.emit(Op::SWAP, 2);
                }
                self.pop_handler();
                self.emit0(Op::POP_EXCEPT);
                if let Some(n) = name {
                    self.load_const(Const::None);
                    self.name_op(n, Ctx::Store, TextRange::default())?;
                    self.name_op(n, Ctx::Del, TextRange::default())?;
                }
            }
        }
        Ok(())
    }

    /// `[exit] -> [exit(None, None, None)]`.
    fn call_exit_with_nones(&mut self) {
        self.emit0(Op::PUSH_NULL);
        for _ in 0..3 {
            self.load_const(Const::None);
        }
        self.emit(Op::CALL, 3);
    }

    pub fn try_stmt(&mut self, t: &'a ast::StmtTry) -> R<()> {
        if !t.finalbody.is_empty() {
            self.try_finally(t)
        } else if t.is_star {
            self.try_star_except(t)
        } else {
            self.try_except(t)
        }
    }

    /// Body under a handler; the normal path runs the finally body and jumps to exit. The
    /// exceptional path: `[exc]`, PUSH_EXC_INFO -> `[prev_exc, exc]`, finally body, RERAISE 0;
    /// its cleanup handler (`[prev_exc, lasti, exc2]`) is COPY 3; POP_EXCEPT; RERAISE 1.
    fn try_finally(&mut self, t: &'a ast::StmtTry) -> R<()> {
        let end = self.new_label();
        let exit = self.new_label();
        let cleanup = self.new_label();
        let h = self.new_handler(end, false, 0);
        self.push_handler(h);
        self.push_fblock(FBlock::FinallyTry { body: &t.finalbody }, t.range)?;
        if t.handlers.is_empty() {
            self.stmts(&t.body)?;
        } else if t.is_star {
            self.try_star_except(t)?;
        } else {
            self.try_except(t)?;
        }
        self.pop_handler();
        self.pop_fblock();
        self.stmts(&t.finalbody)?;
        self.jump_to(exit);
        self.bind(end);
        let hc = self.new_handler(cleanup, true, 0);
        self.push_handler(hc);
        self.emit0(Op::PUSH_EXC_INFO);
        self.push_fblock(FBlock::FinallyEnd, t.range)?;
        self.stmts(&t.finalbody)?;
        self.pop_fblock();
        self.emit(Op::RERAISE, 0);
        self.pop_handler();
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(exit);
        Ok(())
    }

    fn pop_except_and_reraise(&mut self) {
        self.emit(Op::COPY, 3);
        self.emit0(Op::POP_EXCEPT);
        self.emit(Op::RERAISE, 1);
    }

    /// The part `try: ... except` and `try: ... except*` share: the body under a handler
    /// (no lasti, depth 0), the `else` body, the jump to the end, then the handler entry
    /// with PUSH_EXC_INFO under the cleanup handler and the given fblock. Returns
    /// (end, cleanup) labels.
    fn try_handlers_prologue(
        &mut self,
        t: &'a ast::StmtTry,
        handler_block: FBlock<'a>,
    ) -> R<(Label, Label)> {
        let except = self.new_label();
        let end = self.new_label();
        let cleanup = self.new_label();
        let h = self.new_handler(except, false, 0);
        self.push_handler(h);
        self.push_fblock(FBlock::TryExcept, t.range)?;
        self.stmts(&t.body)?;
        self.pop_fblock();
        self.pop_handler();
        self.stmts(&t.orelse)?;
        self.jump_to(end);
        self.bind(except);
        let hc = self.new_handler(cleanup, true, 0);
        self.push_handler(hc);
        self.emit0(Op::PUSH_EXC_INFO);
        self.push_fblock(handler_block, t.range)?;
        Ok((end, cleanup))
    }

    /// Handlers see `[exc]`; PUSH_EXC_INFO makes it `[prev_exc, exc]`. A matching handler
    /// pops or stores exc and runs under a cleanup handler; `except E as n` adds an inner
    /// handler that clears `n` (`n = None; del n`) before re-raising.
    fn try_except(&mut self, t: &'a ast::StmtTry) -> R<()> {
        let (end, cleanup) = self.try_handlers_prologue(t, FBlock::ExceptionHandler)?;
        let n = t.handlers.len();
        for (i, h) in t.handlers.iter().enumerate() {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            self.set_line(h.range);
            if h.type_.is_none() && i + 1 < n {
                return self.err("default 'except:' must be last", h.range);
            }
            let next = self.new_label();
            if let Some(ty) = &h.type_ {
                self.expr(ty)?;
                self.emit0(Op::CHECK_EXC_MATCH);
                self.jump(Op::POP_JUMP_IF_FALSE, next);
            }
            if let Some(name) = &h.name {
                let cleanup_end = self.new_label();
                self.name_op(&name.id, Ctx::Store, name.range)?;
                let hn = self.new_handler(cleanup_end, true, 0);
                self.push_handler(hn);
                self.push_fblock(
                    FBlock::HandlerCleanup {
                        name: Some(&name.id),
                    },
                    h.range,
                )?;
                self.stmts(&h.body)?;
                self.pop_fblock();
                self.pop_handler();
                // Leave the cleanup handler too (CPython's two POP_BLOCKs); the code at
                // `cleanup_end` is still covered by it.
                self.set_line(h.range);
                let saved = self.unit().hstack.clone();
                self.pop_handler();
                self.emit0(Op::POP_EXCEPT);
                self.clear_name(&name.id)?;
                self.jump_to(end);
                self.u().hstack = saved;
                self.bind(cleanup_end);
                self.clear_name(&name.id)?;
                self.emit(Op::RERAISE, 1);
            } else {
                self.emit0(Op::POP_TOP);
                self.push_fblock(FBlock::HandlerCleanup { name: None }, h.range)?;
                self.stmts(&h.body)?;
                self.pop_fblock();
                let saved = self.unit().hstack.clone();
                self.pop_handler();
                self.emit0(Op::POP_EXCEPT);
                self.jump_to(end);
                self.u().hstack = saved;
            }
            self.bind(next);
        }
        self.pop_fblock();
        self.emit(Op::RERAISE, 0);
        self.pop_handler();
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(end);
        Ok(())
    }

    fn clear_name(&mut self, name: &str) -> R<()> {
        self.load_const(Const::None);
        self.name_op(name, Ctx::Store, TextRange::default())?;
        self.name_op(name, Ctx::Del, TextRange::default())
    }

    /// `except*` (CPython 3.11's `compiler_try_star_except`). After PUSH_EXC_INFO the
    /// stack is `[prev_exc, orig, list, exc]`: `list` collects what each handler raised,
    /// `exc` is the part not matched yet. CHECK_EG_MATCH splits it into `[rest, match]`;
    /// at the end PREP_RERAISE_STAR merges `orig` and `list` into what to re-raise.
    fn try_star_except(&mut self, t: &'a ast::StmtTry) -> R<()> {
        let reraise_star = self.new_label();
        let (end, cleanup) = self.try_handlers_prologue(t, FBlock::ExceptionGroupHandler)?;
        let n = t.handlers.len();
        for (i, h) in t.handlers.iter().enumerate() {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            self.set_line(h.range);
            let next = self.new_label();
            let no_match = self.new_label();
            let cleanup_end = self.new_label();
            if i == 0 {
                // [orig] -> [orig, list, orig]
                self.emit(Op::COPY, 1);
                self.emit(Op::BUILD_LIST, 0);
                self.emit(Op::SWAP, 2);
            }
            match &h.type_ {
                Some(ty) => {
                    self.expr(ty)?;
                    self.emit0(Op::CHECK_EG_MATCH);
                    self.emit(Op::COPY, 1);
                    self.jump(Op::POP_JUMP_IF_NONE, no_match);
                }
                None => return self.err("expected one or more exception types", h.range),
            }
            match &h.name {
                Some(name) => self.name_op(&name.id, Ctx::Store, name.range)?,
                None => self.emit0(Op::POP_TOP),
            }
            let hn = self.new_handler(cleanup_end, true, 0);
            self.push_handler(hn);
            let name = h.name.as_ref().map(|n| n.id.as_str());
            self.push_fblock(FBlock::HandlerCleanup { name }, h.range)?;
            self.stmts(&h.body)?;
            self.pop_fblock();
            self.pop_handler();
            if let Some(n) = name {
                self.clear_name(n)?;
            }
            self.jump_to(next);
            // [prev, orig, list, rest, lasti, raised]
            self.bind(cleanup_end);
            if let Some(n) = name {
                self.clear_name(n)?;
            }
            self.emit(Op::LIST_APPEND, 3);
            self.emit0(Op::POP_TOP);
            self.jump_to(next);
            self.bind(no_match);
            self.emit0(Op::POP_TOP);
            self.bind(next);
            if i + 1 == n {
                self.jump_to(reraise_star);
            }
        }
        self.pop_fblock();
        let reraise = self.new_label();
        self.bind(reraise_star);
        self.emit(Op::LIST_APPEND, 1);
        self.emit0(Op::PREP_RERAISE_STAR);
        self.emit(Op::COPY, 1);
        self.jump(Op::POP_JUMP_IF_NOT_NONE, reraise);
        self.pop_handler();
        self.emit0(Op::POP_TOP);
        self.emit0(Op::POP_EXCEPT);
        self.jump_to(end);
        self.bind(reraise);
        self.emit(Op::SWAP, 2);
        self.emit0(Op::POP_EXCEPT);
        self.emit(Op::RERAISE, 0);
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(end);
        Ok(())
    }

    /// `with` (one item per level). BEFORE_WITH gives `[exit, enter_result]`; the handler
    /// (depth: just `[exit]`, with lasti) sees `[exit, lasti, exc]`: PUSH_EXC_INFO;
    /// WITH_EXCEPT_START; POP_JUMP_IF_TRUE suppress; RERAISE 2; suppress: POP_TOP;
    /// POP_EXCEPT; POP_TOP; POP_TOP. The normal exit calls `exit(None, None, None)`.
    pub fn with_stmt(&mut self, w: &'a ast::StmtWith, pos: usize) -> R<()> {
        let Some(item) = w.items.get(pos) else {
            return self.stmts(&w.body);
        };
        if w.is_async && !self.scope().is_async_def {
            return self.err("'async with' outside async function", w.range);
        }
        let final_ = self.new_label();
        let exit = self.new_label();
        let cleanup = self.new_label();
        self.expr(&item.context_expr)?;
        self.set_line(w.range);
        if w.is_async {
            self.emit0(Op::BEFORE_ASYNC_WITH);
            self.emit(Op::GET_AWAITABLE, 1);
            self.load_const(Const::None);
            self.yield_from_loop();
        } else {
            self.emit0(Op::BEFORE_WITH);
        }
        let h = self.new_handler(final_, true, -1);
        self.push_handler(h);
        let line = self.unit().line;
        self.push_fblock(
            FBlock::With {
                is_async: w.is_async,
                line,
            },
            w.range,
        )?;
        match &item.optional_vars {
            Some(v) => self.store_target(v)?,
            None => self.emit0(Op::POP_TOP),
        }
        if pos + 1 == w.items.len() {
            self.stmts(&w.body)?;
        } else {
            self.with_stmt(w, pos + 1)?;
        }
        self.pop_fblock();
        self.pop_handler();
        self.u().line = line;
        self.call_exit_with_nones();
        if w.is_async {
            self.emit(Op::GET_AWAITABLE, 2);
            self.load_const(Const::None);
            self.yield_from_loop();
        }
        self.emit0(Op::POP_TOP);
        self.jump_to(exit);
        self.bind(final_);
        let hc = self.new_handler(cleanup, true, 0);
        self.push_handler(hc);
        self.emit0(Op::PUSH_EXC_INFO);
        self.emit0(Op::WITH_EXCEPT_START);
        if w.is_async {
            self.emit(Op::GET_AWAITABLE, 2);
            self.load_const(Const::None);
            self.yield_from_loop();
        }
        let suppress = self.new_label();
        self.jump(Op::POP_JUMP_IF_TRUE, suppress);
        self.emit(Op::RERAISE, 2);
        self.pop_handler();
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(suppress);
        self.emit0(Op::POP_TOP);
        self.emit0(Op::POP_EXCEPT);
        self.emit0(Op::POP_TOP);
        self.emit0(Op::POP_TOP);
        self.bind(exit);
        Ok(())
    }
}
