from . import NAME as PARENT_NAME
from ..circle import whoami
def info():
    return __name__, PARENT_NAME, whoami()
