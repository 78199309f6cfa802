"""Reference data shipped with skincli (CosIng inventory and annexes; see NOTICE.txt)."""
