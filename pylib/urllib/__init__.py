# mpnode's urllib package: only urllib.parse (nodes have no network).
