# sys.exit('msg'): the message goes to stderr, exit code 1
import sys
print("about to fail")
sys.exit("fatal: something went wrong")
