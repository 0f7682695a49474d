Table = list
