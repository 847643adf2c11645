//! Unit tests of the cohort computation on small extracts written for the purpose.
