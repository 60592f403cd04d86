"""The Faust app: thin async adapters over riftwatch's pure core."""
