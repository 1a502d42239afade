"""What a real web server needs beside the built site: precompressed files and an nginx config
generated from the site plan (redirects, types, caching and security headers)."""
