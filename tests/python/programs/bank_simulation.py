# Object-heavy simulation: accounts, transactions, exceptions, sorting, formatting
import random
class InsufficientFunds(Exception):
    def __init__(self, acct, amount):
        super().__init__(f"{acct.owner} cannot withdraw {amount}")
        self.acct = acct
class Account:
    next_id = 1
    def __init__(self, owner, balance=0):
        self.id = Account.next_id
        Account.next_id += 1
        self.owner = owner
        self._balance = balance
        self.history = []
    @property
    def balance(self):
        return self._balance
    def deposit(self, amt):
        if amt <= 0:
            raise ValueError("deposit must be positive")
        self._balance += amt
        self.history.append(("dep", amt))
    def withdraw(self, amt):
        if amt > self._balance:
            raise InsufficientFunds(self, amt)
        self._balance -= amt
        self.history.append(("wd", amt))
    def __repr__(self):
        return f"Account({self.id}, {self.owner!r}, {self._balance})"
class Savings(Account):
    rate = 0.02
    def add_interest(self):
        interest = round(self._balance * self.rate, 2)
        self.deposit(interest) if interest > 0 else None
        return interest
class Bank:
    def __init__(self):
        self.accounts = {}
        self.failures = 0
    def open(self, cls, owner, bal):
        a = cls(owner, bal)
        self.accounts[a.id] = a
        return a
    def transfer(self, src, dst, amt):
        try:
            self.accounts[src].withdraw(amt)
        except InsufficientFunds:
            self.failures += 1
            return False
        self.accounts[dst].deposit(amt)
        return True
random.seed(7)
bank = Bank()
names = ["ann", "bob", "cid", "dee", "eve", "fay"]
for i, n in enumerate(names):
    bank.open(Savings if i % 2 else Account, n, 100 * (i + 1))
ok = 0
for _ in range(2000):
    s, d = random.randint(1, 6), random.randint(1, 6)
    if s != d and bank.transfer(s, d, random.randint(1, 80)):
        ok += 1
print("transfers ok", ok, "failed", bank.failures)
for a in bank.accounts.values():
    if isinstance(a, Savings):
        a.add_interest()
for a in sorted(bank.accounts.values(), key=lambda a: (-a.balance, a.owner)):
    print(f"{a.id:>2} {a.owner:<4} {a.balance:>10.2f} {type(a).__name__:<8} {len(a.history)}")
print("total", round(sum(a.balance for a in bank.accounts.values()), 2))
try:
    bank.accounts[1].deposit(-5)
except ValueError as e:
    print("ValueError", e)
