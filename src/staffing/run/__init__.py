"""Running checks: one file (engine), many files on every core (batch), the result cache, waivers, and diff."""
