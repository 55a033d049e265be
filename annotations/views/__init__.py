"""The desk's views: thin wrappers that check the role, call one service and render."""
