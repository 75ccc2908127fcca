"""What billtui keeps on this machine: the config, passwords (keyring), the offline cache, drafts, favourites, downloads and exports, and where each lives."""
