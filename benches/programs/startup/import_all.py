# Start-up benchmark: import every native module hotpy has (builtins, sys, math, random,
# time, gc, and os, which hotpy builds on its native _os) and every library module hotpy
# ships in Python (vm/lib, threading, queue and concurrent.futures among them), all of
# which CPython 3.11 has too. The runner's unit test
# `import_all_covers_hotpy_modules` checks this list against vm/src/modules.rs.

import builtins
import gc
import math
import random
import sys
import time

import abc
import atexit
import bisect
import collections
import concurrent
import concurrent.futures
import contextlib
import copy
import dataclasses
import enum
import functools
import heapq
import importlib
import io
import itertools
import json
import keyword
import operator
import os
import posixpath
import queue
import re
import string
import threading
import types
import weakref

modules = [
    builtins, gc, math, random, sys, time,
    abc, atexit, bisect, collections, concurrent, concurrent.futures, contextlib, copy, dataclasses,
    enum, functools, heapq, importlib, io, itertools, json, keyword, operator, os,
    posixpath, queue, re, string, threading, types, weakref,
]
print(len(modules), "modules imported")
