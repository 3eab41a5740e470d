CUBEDASH_SISTER_SITES = (
    ("Production - ODC", "http://prod.odc.example"),
    ("Production - NCI", "http://nci.odc.example"),
)
