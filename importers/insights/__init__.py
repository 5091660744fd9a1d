"""What a rep's 所感 and notes become in the store: knowledge notes, their categories, the noise
filter, 参考になった reactions and the monthly recognition (read by imports and exports alike)."""
