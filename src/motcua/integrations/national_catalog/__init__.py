"""The national TTHC database (CSDL quốc gia về TTHC) adapter: mapping (the one shape), client, simulator."""
