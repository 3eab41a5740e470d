CREATE TABLE tbl (
  id int NOT NULL,
  name text NOT NULL
);
