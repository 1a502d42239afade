"""What `newsroom check` and the build's load phase share: `validation` (every error, images
included), `quality` (warnings that never fail the build), `card_titles` (titles a share card cuts)."""
