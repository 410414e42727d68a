# Uncaught custom exception defined in __main__
class ConfigError(Exception):
    pass
print("loading config")
raise ConfigError("missing key 'port'")
