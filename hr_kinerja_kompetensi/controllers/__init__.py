from . import first_signin
