"""pystone: a Dhrystone-style integer, string and record benchmark.

Written for hotpy from the Dhrystone 2.1 algorithm description. A main loop
calls small procedures that pass records around, copy records field by
field, update module globals, index nested lists and compare short strings.
Instead of a speed figure it prints the final state of every global and
local that the loop touches, so a wrong result shows in the output.

Usage: python3 pystone.py [LOOPS]
"""

import sys

IDENT_1, IDENT_2, IDENT_3, IDENT_4, IDENT_5 = 1, 2, 3, 4, 5


class Record:
    def __init__(self, ptr_comp=None, discr=0, enum_comp=0, int_comp=0, str_comp=""):
        self.ptr_comp = ptr_comp
        self.discr = discr
        self.enum_comp = enum_comp
        self.int_comp = int_comp
        self.str_comp = str_comp

    def assign_from(self, other):
        """Structure assignment: copy every field of `other` into self."""
        self.ptr_comp = other.ptr_comp
        self.discr = other.discr
        self.enum_comp = other.enum_comp
        self.int_comp = other.int_comp
        self.str_comp = other.str_comp


int_glob = 0
bool_glob = False
char1_glob = "\0"
char2_glob = "\0"
array1_glob = [0] * 51
array2_glob = [[0] * 51 for _ in range(51)]
ptr_glob = None


def proc_1(val_par):
    next_record = val_par.ptr_comp
    next_record.assign_from(ptr_glob)
    val_par.int_comp = 5
    next_record.int_comp = val_par.int_comp
    next_record.ptr_comp = val_par.ptr_comp
    next_record.ptr_comp = proc_3(next_record.ptr_comp)
    if next_record.discr == IDENT_1:
        next_record.int_comp = 6
        next_record.enum_comp = proc_6(val_par.enum_comp)
        next_record.ptr_comp = ptr_glob.ptr_comp
        next_record.int_comp = proc_7(next_record.int_comp, 10)
    else:
        val_par.assign_from(val_par.ptr_comp)


def proc_2(int_par):
    int_loc = int_par + 10
    while True:
        if char1_glob == "A":
            int_loc -= 1
            int_par = int_loc - int_glob
            enum_loc = IDENT_1
        if enum_loc == IDENT_1:
            return int_par


def proc_3(ptr_par):
    if ptr_glob is not None:
        ptr_par = ptr_glob.ptr_comp
    ptr_glob.int_comp = proc_7(10, int_glob)
    return ptr_par


def proc_4():
    global char2_glob, bool_glob
    bool_loc = char1_glob == "A"
    bool_glob = bool_loc or bool_glob
    char2_glob = "B"


def proc_5():
    global char1_glob, bool_glob
    char1_glob = "A"
    bool_glob = False


def proc_6(enum_val):
    enum_ref = enum_val
    if not func_3(enum_val):
        enum_ref = IDENT_4
    if enum_val == IDENT_1:
        enum_ref = IDENT_1
    elif enum_val == IDENT_2:
        enum_ref = IDENT_1 if int_glob > 100 else IDENT_4
    elif enum_val == IDENT_3:
        enum_ref = IDENT_2
    elif enum_val == IDENT_5:
        enum_ref = IDENT_3
    return enum_ref


def proc_7(int_1, int_2):
    int_loc = int_1 + 2
    return int_2 + int_loc


def proc_8(arr_1, arr_2, int_1, int_2):
    global int_glob
    int_loc = int_1 + 5
    arr_1[int_loc] = int_2
    arr_1[int_loc + 1] = arr_1[int_loc]
    arr_1[int_loc + 30] = int_loc
    for index in range(int_loc, int_loc + 2):
        arr_2[int_loc][index] = int_loc
    arr_2[int_loc][int_loc - 1] += 1
    arr_2[int_loc + 20][int_loc] = arr_1[int_loc]
    int_glob = 5


def func_1(ch_1, ch_2):
    global char1_glob
    ch_1_loc = ch_1
    ch_2_loc = ch_1_loc
    if ch_2_loc != ch_2:
        return IDENT_1
    char1_glob = ch_1_loc
    return IDENT_2


def func_2(str_1, str_2):
    global int_glob
    int_loc = 2
    ch_loc = "A"
    while int_loc <= 2:
        if func_1(str_1[int_loc], str_2[int_loc + 1]) == IDENT_1:
            ch_loc = "A"
            int_loc += 1
    if "W" <= ch_loc < "Z":
        int_loc = 7
    if ch_loc == "R":
        return True
    if str_1 > str_2:
        int_loc += 7
        int_glob = int_loc
        return True
    return False


def func_3(enum_val):
    return enum_val == IDENT_3


def proc_0(loops):
    global int_glob, bool_glob, ptr_glob
    ptr_glob = Record(Record(), IDENT_1, IDENT_3, 40, "DHRYSTONE PROGRAM, SOME STRING")
    str_1 = "DHRYSTONE PROGRAM, 1'ST STRING"
    array2_glob[8][7] = 10
    int_1 = int_2 = int_3 = 0
    str_2 = ""
    enum_loc = 0
    for run_index in range(1, loops + 1):
        proc_5()
        proc_4()
        int_1 = 2
        int_2 = 3
        str_2 = "DHRYSTONE PROGRAM, 2'ND STRING"
        enum_loc = IDENT_2
        bool_glob = not func_2(str_1, str_2)
        while int_1 < int_2:
            int_3 = 5 * int_1 - int_2
            int_3 = proc_7(int_1, int_2)
            int_1 += 1
        proc_8(array1_glob, array2_glob, int_1, int_3)
        proc_1(ptr_glob)
        ch_index = "A"
        while ch_index <= char2_glob:
            if enum_loc == func_1(ch_index, "C"):
                enum_loc = proc_6(IDENT_1)
                str_2 = "DHRYSTONE PROGRAM, 3'RD STRING"
                int_2 = run_index
                int_glob = run_index
            ch_index = chr(ord(ch_index) + 1)
        int_2 = int_2 * int_1
        int_1 = int_2 // int_3
        int_2 = 7 * (int_2 - int_3) - int_1
        int_1 = proc_2(int_1)
    return int_1, int_2, int_3, enum_loc, str_2


def main():
    loops = int(sys.argv[1]) if len(sys.argv) > 1 else 400000
    int_1, int_2, int_3, enum_loc, str_2 = proc_0(loops)
    nxt = ptr_glob.ptr_comp
    print("loops:", loops)
    print("int_glob:", int_glob, "bool_glob:", bool_glob)
    print("char1_glob:", char1_glob, "char2_glob:", char2_glob)
    print("array1_glob[8]:", array1_glob[8], "array2_glob[8][7]:", array2_glob[8][7])
    print("ptr_glob:", ptr_glob.discr, ptr_glob.enum_comp, ptr_glob.int_comp, ptr_glob.str_comp)
    print("next:", nxt.discr, nxt.enum_comp, nxt.int_comp, nxt.str_comp, nxt.ptr_comp is nxt)
    print("locals:", int_1, int_2, int_3, enum_loc, str_2)


if __name__ == "__main__":
    main()
