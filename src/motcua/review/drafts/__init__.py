"""Control of draft regulations that contain procedures (kiểm soát quy định TTHC trong dự thảo văn bản QPPL):
the register of drafts, the TTHC-control unit's opinion within its dated time limit, the impact assessment of
each procedure in the draft (with the review's compliance-cost model), the drafting agency's explanation, and
the issued document's procedures moving into the catalog through a publication decision."""
