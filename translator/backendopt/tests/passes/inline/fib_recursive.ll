# A recursive call is inlined one level into itself.
graph fib(v0:Signed) -> Signed ! Address
block0(v0):
  v1:Bool = int_lt(v0, 2)
  switch v1:
    false: block1(v0)
    true: return(v0)
block1(v2:Signed):
  v3:Signed = int_sub(v2, 1)
  v4:Signed = direct_call(func0, v3)
  v5:Signed = int_sub(v2, 2)
  v6:Signed = direct_call(func0, v5)
  v7:Signed = int_add(v4, v6)
  goto return(v7)
# expect:
graph fib(v0:Signed) -> Signed ! Address
block0(v0):
  v1:Bool = int_lt(v0, 2)
  switch v1:
    false: block1(v0)
    true: return(v0)
block1(v2:Signed):
  v3:Signed = int_sub(v2, 1)
  goto block2(v3, v2)
block2(v4:Signed, v5:Signed):
  v6:Bool = int_lt(v4, 2)
  switch v6:
    false: block3(v4, v5)
    true: block10(v5, v4)
block3(v7:Signed, v8:Signed):
  v9:Signed = int_sub(v7, 1)
  goto block4(v9, v7, v8)
block4(v10:Signed, v11:Signed, v12:Signed):
  v13:Bool = int_lt(v10, 2)
  switch v13:
    false: block5(v10, v11, v12)
    true: block6(v11, v10, v12)
block5(v14:Signed, v15:Signed, v16:Signed):
  v17:Signed = int_sub(v14, 1)
  v18:Signed = direct_call(func0, v17)
  v19:Signed = int_sub(v14, 2)
  v20:Signed = direct_call(func0, v19)
  v21:Signed = int_add(v18, v20)
  goto block6(v15, v21, v16)
block6(v22:Signed, v23:Signed, v24:Signed):
  v25:Signed = int_sub(v22, 2)
  goto block7(v25, v23, v24)
block7(v26:Signed, v27:Signed, v28:Signed):
  v29:Bool = int_lt(v26, 2)
  switch v29:
    false: block8(v26, v27, v28)
    true: block9(v27, v26, v28)
block8(v30:Signed, v31:Signed, v32:Signed):
  v33:Signed = int_sub(v30, 1)
  v34:Signed = direct_call(func0, v33)
  v35:Signed = int_sub(v30, 2)
  v36:Signed = direct_call(func0, v35)
  v37:Signed = int_add(v34, v36)
  goto block9(v31, v37, v32)
block9(v38:Signed, v39:Signed, v40:Signed):
  v41:Signed = int_add(v38, v39)
  goto block10(v40, v41)
block10(v42:Signed, v43:Signed):
  v44:Signed = int_sub(v42, 2)
  goto block11(v44, v43)
block11(v45:Signed, v46:Signed):
  v47:Bool = int_lt(v45, 2)
  switch v47:
    false: block12(v45, v46)
    true: block19(v46, v45)
block12(v48:Signed, v49:Signed):
  v50:Signed = int_sub(v48, 1)
  goto block13(v50, v48, v49)
block13(v51:Signed, v52:Signed, v53:Signed):
  v54:Bool = int_lt(v51, 2)
  switch v54:
    false: block14(v51, v52, v53)
    true: block15(v52, v51, v53)
block14(v55:Signed, v56:Signed, v57:Signed):
  v58:Signed = int_sub(v55, 1)
  v59:Signed = direct_call(func0, v58)
  v60:Signed = int_sub(v55, 2)
  v61:Signed = direct_call(func0, v60)
  v62:Signed = int_add(v59, v61)
  goto block15(v56, v62, v57)
block15(v63:Signed, v64:Signed, v65:Signed):
  v66:Signed = int_sub(v63, 2)
  goto block16(v66, v64, v65)
block16(v67:Signed, v68:Signed, v69:Signed):
  v70:Bool = int_lt(v67, 2)
  switch v70:
    false: block17(v67, v68, v69)
    true: block18(v68, v67, v69)
block17(v71:Signed, v72:Signed, v73:Signed):
  v74:Signed = int_sub(v71, 1)
  v75:Signed = direct_call(func0, v74)
  v76:Signed = int_sub(v71, 2)
  v77:Signed = direct_call(func0, v76)
  v78:Signed = int_add(v75, v77)
  goto block18(v72, v78, v73)
block18(v79:Signed, v80:Signed, v81:Signed):
  v82:Signed = int_add(v79, v80)
  goto block19(v81, v82)
block19(v83:Signed, v84:Signed):
  v85:Signed = int_add(v83, v84)
  goto return(v85)
