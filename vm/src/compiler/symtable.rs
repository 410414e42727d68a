//! Symbol tables: the scope of every name in every code block, as CPython's symtable.c.
//!
//! How it works: `build` (in `symtable/build.rs`) walks the AST once, creating a [`Scope`]
//! for the module and for every class, function, lambda and comprehension, and records
//! for each name how the block uses it (`flag` bits: bound, parameter, used, declared
//! global/nonlocal, imported, annotated). `analyze` then resolves every name exactly as
//! CPython 3.11's `analyze_block`: explicit and implicit globals, locals, free variables
//! (bound in an enclosing function) and cells (locals captured by an inner block). Class
//! bodies do not make their names visible to nested blocks; a method that uses `super` or
//! `__class__` gets the free variable `__class__`, and its class then needs the implicit
//! `__class__` cell (`needs_class_closure`).
//!
//! What must hold: the code generator finds the scope of a block by the address of its AST
//! node (`scope_of`), so the AST must not move between `build` and code generation; scopes
//! are numbered in creation order and children are listed in source order.

mod build;

use super::error::{SynErr, R};
use ruff_text_size::TextRange;
use std::collections::{HashMap, HashSet};

pub type ScopeId = usize;

/// Name usage flags (CPython's DEF_* values).
pub mod flag {
    pub const GLOBAL: u32 = 1;
    pub const LOCAL: u32 = 2;
    pub const PARAM: u32 = 4;
    pub const NONLOCAL: u32 = 8;
    pub const USE: u32 = 16;
    pub const FREE_CLASS: u32 = 64;
    pub const IMPORT: u32 = 128;
    pub const ANNOT: u32 = 256;
    pub const COMP_ITER: u32 = 512;
    pub const BOUND: u32 = LOCAL | PARAM | IMPORT;
}

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum CompKind {
    List,
    Set,
    Dict,
    Generator,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum BlockKind {
    Module,
    Class,
    Function,
    Lambda,
    Comprehension(CompKind),
}

impl BlockKind {
    /// CPython's FunctionBlock: fast locals, cells, `return` and `yield` allowed.
    pub fn is_function(self) -> bool {
        matches!(
            self,
            BlockKind::Function | BlockKind::Lambda | BlockKind::Comprehension(_)
        )
    }
}

/// Where a name lives.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum SymScope {
    /// Not yet analysed, or unknown (the code generator then uses *_NAME).
    Unknown,
    Local,
    GlobalExplicit,
    GlobalImplicit,
    Free,
    Cell,
}

#[derive(Clone, Debug)]
pub struct Symbol {
    pub name: String,
    pub flags: u32,
    pub scope: SymScope,
}

#[derive(Debug)]
pub struct Scope {
    pub kind: BlockKind,
    pub name: String,
    pub parent: Option<ScopeId>,
    pub children: Vec<ScopeId>,
    /// Symbols in order of first appearance.
    pub symbols: Vec<Symbol>,
    index: HashMap<String, usize>,
    /// Parameter names in order: positional, keyword-only, *args, **kwargs.
    pub params: Vec<String>,
    pub is_generator: bool,
    pub is_coroutine: bool,
    /// An `async def` (as opposed to a block made a coroutine by an async comprehension).
    pub is_async_def: bool,
    pub varargs: bool,
    pub varkeywords: bool,
    /// Nested inside a function-like block.
    pub nested: bool,
    pub needs_class_closure: bool,
    /// Where each `global`/`nonlocal` name was declared (for error positions).
    pub directives: HashMap<String, TextRange>,
    pub range: TextRange,
    // Build-time state.
    comp_iter_target: bool,
    comp_iter_expr: u32,
}

impl Scope {
    fn new(kind: BlockKind, name: &str, parent: Option<ScopeId>, range: TextRange) -> Scope {
        Scope {
            kind,
            name: name.to_string(),
            parent,
            children: Vec::new(),
            symbols: Vec::new(),
            index: HashMap::new(),
            params: Vec::new(),
            is_generator: false,
            is_coroutine: false,
            is_async_def: false,
            varargs: false,
            varkeywords: false,
            nested: false,
            needs_class_closure: false,
            directives: HashMap::new(),
            range,
            comp_iter_target: false,
            comp_iter_expr: 0,
        }
    }

    pub fn lookup(&self, name: &str) -> Option<&Symbol> {
        self.index.get(name).map(|&i| &self.symbols[i])
    }

    pub fn flags(&self, name: &str) -> u32 {
        self.lookup(name).map_or(0, |s| s.flags)
    }

    pub fn scope_of_name(&self, name: &str) -> SymScope {
        self.lookup(name).map_or(SymScope::Unknown, |s| s.scope)
    }

    fn set_flags(&mut self, name: &str, flags: u32) {
        match self.index.get(name) {
            Some(&i) => self.symbols[i].flags = flags,
            None => {
                self.index.insert(name.to_string(), self.symbols.len());
                self.symbols.push(Symbol {
                    name: name.to_string(),
                    flags,
                    scope: SymScope::Unknown,
                });
            }
        }
    }

    /// Cell variables, sorted by name (CPython's order); `__class__` first for a class
    /// body that needs the implicit cell.
    pub fn cellvars(&self) -> Vec<String> {
        let mut v: Vec<String> = self
            .symbols
            .iter()
            .filter(|s| s.scope == SymScope::Cell)
            .map(|s| s.name.clone())
            .collect();
        v.sort();
        if self.needs_class_closure {
            v.insert(0, "__class__".to_string());
        }
        v
    }

    /// Free variables, sorted by name.
    pub fn freevars(&self) -> Vec<String> {
        let mut v: Vec<String> = self
            .symbols
            .iter()
            .filter(|s| s.scope == SymScope::Free || s.flags & flag::FREE_CLASS != 0)
            .map(|s| s.name.clone())
            .collect();
        v.sort();
        v
    }

    /// Fast locals of a function-like block: parameters first, then other locals in order
    /// of first appearance.
    pub fn varnames(&self) -> Vec<String> {
        let mut v = self.params.clone();
        let params: HashSet<&str> = self.params.iter().map(|s| s.as_str()).collect();
        for s in &self.symbols {
            if s.scope == SymScope::Local && !params.contains(s.name.as_str()) {
                v.push(s.name.clone());
            }
        }
        v
    }
}

#[derive(Debug)]
pub struct SymTable {
    pub scopes: Vec<Scope>,
    by_node: HashMap<usize, ScopeId>,
    pub future_annotations: bool,
}

/// The key identifying an AST node: its address.
pub fn node_key<T>(node: &T) -> usize {
    node as *const T as usize
}

impl SymTable {
    /// The scope created for the block whose AST node is `node`.
    pub fn scope_of<T>(&self, node: &T) -> Option<ScopeId> {
        self.by_node.get(&node_key(node)).copied()
    }

    pub fn build_module(body: &[ruff_python_ast::Stmt], source: &str) -> R<SymTable> {
        let mut st = build::build_module(body, source)?;
        st.analyze()?;
        Ok(st)
    }

    pub fn build_expression(e: &ruff_python_ast::Expr, source: &str) -> R<SymTable> {
        let mut st = build::build_expression(e, source)?;
        st.analyze()?;
        Ok(st)
    }

    fn analyze(&mut self) -> R<()> {
        let mut free = HashSet::new();
        let mut global = HashSet::new();
        self.analyze_block(0, None, &mut free, &mut global)
    }

    fn directive_error(&self, id: ScopeId, name: &str, msg: String) -> SynErr {
        let s = &self.scopes[id];
        let range = s.directives.get(name).copied().unwrap_or(s.range);
        SynErr::new(msg, range)
    }

    fn analyze_block(
        &mut self,
        id: ScopeId,
        mut bound: Option<&mut HashSet<String>>,
        free: &mut HashSet<String>,
        global: &mut HashSet<String>,
    ) -> R<()> {
        let kind = self.scopes[id].kind;
        let is_class = kind == BlockKind::Class;
        let mut local = HashSet::new();
        let mut scopes: HashMap<String, SymScope> = HashMap::new();
        let mut newglobal = HashSet::new();
        let mut newfree = HashSet::new();
        let mut newbound = HashSet::new();
        if is_class {
            newglobal.extend(global.iter().cloned());
            if let Some(b) = bound.as_deref() {
                newbound.extend(b.iter().cloned());
            }
        }
        let names: Vec<(String, u32)> = self.scopes[id]
            .symbols
            .iter()
            .map(|s| (s.name.clone(), s.flags))
            .collect();
        for (name, flags) in &names {
            let sc = if flags & flag::GLOBAL != 0 {
                if flags & flag::NONLOCAL != 0 {
                    return Err(self.directive_error(
                        id,
                        name,
                        format!("name '{name}' is nonlocal and global"),
                    ));
                }
                global.insert(name.clone());
                if let Some(b) = bound.as_deref_mut() {
                    b.remove(name);
                }
                SymScope::GlobalExplicit
            } else if flags & flag::NONLOCAL != 0 {
                let Some(b) = bound.as_deref() else {
                    return Err(self.directive_error(
                        id,
                        name,
                        "nonlocal declaration not allowed at module level".to_string(),
                    ));
                };
                if !b.contains(name) {
                    return Err(self.directive_error(
                        id,
                        name,
                        format!("no binding for nonlocal '{name}' found"),
                    ));
                }
                free.insert(name.clone());
                SymScope::Free
            } else if flags & flag::BOUND != 0 {
                local.insert(name.clone());
                global.remove(name);
                SymScope::Local
            } else if bound.as_deref().is_some_and(|b| b.contains(name)) {
                free.insert(name.clone());
                SymScope::Free
            } else {
                SymScope::GlobalImplicit
            };
            scopes.insert(name.clone(), sc);
        }
        if !is_class {
            if kind.is_function() {
                newbound.extend(local.iter().cloned());
            }
            if let Some(b) = bound.as_deref() {
                newbound.extend(b.iter().cloned());
            }
            newglobal.extend(global.iter().cloned());
        } else {
            newbound.insert("__class__".to_string());
        }
        let mut allfree = HashSet::new();
        let children = self.scopes[id].children.clone();
        for child in children {
            let mut temp_bound = newbound.clone();
            let mut temp_free = newfree.clone();
            let mut temp_global = newglobal.clone();
            self.analyze_block(
                child,
                Some(&mut temp_bound),
                &mut temp_free,
                &mut temp_global,
            )?;
            allfree.extend(temp_free);
        }
        newfree.extend(allfree);
        if kind.is_function() {
            for (name, sc) in scopes.iter_mut() {
                if *sc == SymScope::Local && newfree.remove(name) {
                    *sc = SymScope::Cell;
                }
            }
        } else if is_class && newfree.remove("__class__") {
            self.scopes[id].needs_class_closure = true;
        }
        // update_symbols
        let scope = &mut self.scopes[id];
        for s in scope.symbols.iter_mut() {
            if let Some(sc) = scopes.get(&s.name) {
                s.scope = *sc;
            }
        }
        let mut extra: Vec<&String> = newfree.iter().collect();
        extra.sort();
        for name in extra {
            if let Some(&i) = scope.index.get(name.as_str()) {
                let s = &mut scope.symbols[i];
                if is_class && s.flags & (flag::BOUND | flag::GLOBAL) != 0 {
                    s.flags |= flag::FREE_CLASS;
                }
                continue;
            }
            if bound.as_deref().is_some_and(|b| !b.contains(name.as_str())) {
                continue;
            }
            scope.index.insert(name.clone(), scope.symbols.len());
            scope.symbols.push(Symbol {
                name: name.clone(),
                flags: 0,
                scope: SymScope::Free,
            });
        }
        free.extend(newfree);
        Ok(())
    }
}

/// Private name mangling: `__x` inside class `C` becomes `_C__x`.
pub fn mangle<'n>(private: Option<&str>, name: &'n str) -> std::borrow::Cow<'n, str> {
    use std::borrow::Cow;
    let Some(p) = private else {
        return Cow::Borrowed(name);
    };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return Cow::Borrowed(name);
    }
    let p = p.trim_start_matches('_');
    if p.is_empty() {
        return Cow::Borrowed(name);
    }
    Cow::Owned(format!("_{p}{name}"))
}
