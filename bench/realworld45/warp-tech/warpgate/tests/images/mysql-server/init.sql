CREATE TABLE `db`.`table` (
  `id` int(11) NOT NULL,
  `name` varchar(1023) NOT NULL
) ENGINE=InnoDB;
