"""The API's views: one class per operation, each calling one service or selector."""
