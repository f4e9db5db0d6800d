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
    true: block22(v5, v4)
block3(v7:Signed, v8:Signed):
  v9:Signed = int_sub(v7, 1)
  goto block4(v9, v7, v8)
block4(v10:Signed, v11:Signed, v12:Signed):
  v13:Bool = int_lt(v10, 2)
  switch v13:
    false: block5(v10, v11, v12)
    true: block12(v11, v10, v12)
block5(v14:Signed, v15:Signed, v16:Signed):
  v17:Signed = int_sub(v14, 1)
  goto block6(v17, v14, v15, v16)
block6(v18:Signed, v19:Signed, v20:Signed, v21:Signed):
  v22:Bool = int_lt(v18, 2)
  switch v22:
    false: block7(v18, v19, v20, v21)
    true: block8(v19, v18, v20, v21)
block7(v23:Signed, v24:Signed, v25:Signed, v26:Signed):
  v27:Signed = int_sub(v23, 1)
  v28:Signed = direct_call(func0, v27)
  v29:Signed = int_sub(v23, 2)
  v30:Signed = direct_call(func0, v29)
  v31:Signed = int_add(v28, v30)
  goto block8(v24, v31, v25, v26)
block8(v32:Signed, v33:Signed, v34:Signed, v35:Signed):
  v36:Signed = int_sub(v32, 2)
  goto block9(v36, v33, v34, v35)
block9(v37:Signed, v38:Signed, v39:Signed, v40:Signed):
  v41:Bool = int_lt(v37, 2)
  switch v41:
    false: block10(v37, v38, v39, v40)
    true: block11(v38, v37, v39, v40)
block10(v42:Signed, v43:Signed, v44:Signed, v45:Signed):
  v46:Signed = int_sub(v42, 1)
  v47:Signed = direct_call(func0, v46)
  v48:Signed = int_sub(v42, 2)
  v49:Signed = direct_call(func0, v48)
  v50:Signed = int_add(v47, v49)
  goto block11(v43, v50, v44, v45)
block11(v51:Signed, v52:Signed, v53:Signed, v54:Signed):
  v55:Signed = int_add(v51, v52)
  goto block12(v53, v55, v54)
block12(v56:Signed, v57:Signed, v58:Signed):
  v59:Signed = int_sub(v56, 2)
  goto block13(v59, v57, v58)
block13(v60:Signed, v61:Signed, v62:Signed):
  v63:Bool = int_lt(v60, 2)
  switch v63:
    false: block14(v60, v61, v62)
    true: block21(v61, v60, v62)
block14(v64:Signed, v65:Signed, v66:Signed):
  v67:Signed = int_sub(v64, 1)
  goto block15(v67, v64, v65, v66)
block15(v68:Signed, v69:Signed, v70:Signed, v71:Signed):
  v72:Bool = int_lt(v68, 2)
  switch v72:
    false: block16(v68, v69, v70, v71)
    true: block17(v69, v68, v70, v71)
block16(v73:Signed, v74:Signed, v75:Signed, v76:Signed):
  v77:Signed = int_sub(v73, 1)
  v78:Signed = direct_call(func0, v77)
  v79:Signed = int_sub(v73, 2)
  v80:Signed = direct_call(func0, v79)
  v81:Signed = int_add(v78, v80)
  goto block17(v74, v81, v75, v76)
block17(v82:Signed, v83:Signed, v84:Signed, v85:Signed):
  v86:Signed = int_sub(v82, 2)
  goto block18(v86, v83, v84, v85)
block18(v87:Signed, v88:Signed, v89:Signed, v90:Signed):
  v91:Bool = int_lt(v87, 2)
  switch v91:
    false: block19(v87, v88, v89, v90)
    true: block20(v88, v87, v89, v90)
block19(v92:Signed, v93:Signed, v94:Signed, v95:Signed):
  v96:Signed = int_sub(v92, 1)
  v97:Signed = direct_call(func0, v96)
  v98:Signed = int_sub(v92, 2)
  v99:Signed = direct_call(func0, v98)
  v100:Signed = int_add(v97, v99)
  goto block20(v93, v100, v94, v95)
block20(v101:Signed, v102:Signed, v103:Signed, v104:Signed):
  v105:Signed = int_add(v101, v102)
  goto block21(v103, v105, v104)
block21(v106:Signed, v107:Signed, v108:Signed):
  v109:Signed = int_add(v106, v107)
  goto block22(v108, v109)
block22(v110:Signed, v111:Signed):
  v112:Signed = int_sub(v110, 2)
  goto block23(v112, v111)
block23(v113:Signed, v114:Signed):
  v115:Bool = int_lt(v113, 2)
  switch v115:
    false: block24(v113, v114)
    true: block43(v114, v113)
block24(v116:Signed, v117:Signed):
  v118:Signed = int_sub(v116, 1)
  goto block25(v118, v116, v117)
block25(v119:Signed, v120:Signed, v121:Signed):
  v122:Bool = int_lt(v119, 2)
  switch v122:
    false: block26(v119, v120, v121)
    true: block33(v120, v119, v121)
block26(v123:Signed, v124:Signed, v125:Signed):
  v126:Signed = int_sub(v123, 1)
  goto block27(v126, v123, v124, v125)
block27(v127:Signed, v128:Signed, v129:Signed, v130:Signed):
  v131:Bool = int_lt(v127, 2)
  switch v131:
    false: block28(v127, v128, v129, v130)
    true: block29(v128, v127, v129, v130)
block28(v132:Signed, v133:Signed, v134:Signed, v135:Signed):
  v136:Signed = int_sub(v132, 1)
  v137:Signed = direct_call(func0, v136)
  v138:Signed = int_sub(v132, 2)
  v139:Signed = direct_call(func0, v138)
  v140:Signed = int_add(v137, v139)
  goto block29(v133, v140, v134, v135)
block29(v141:Signed, v142:Signed, v143:Signed, v144:Signed):
  v145:Signed = int_sub(v141, 2)
  goto block30(v145, v142, v143, v144)
block30(v146:Signed, v147:Signed, v148:Signed, v149:Signed):
  v150:Bool = int_lt(v146, 2)
  switch v150:
    false: block31(v146, v147, v148, v149)
    true: block32(v147, v146, v148, v149)
block31(v151:Signed, v152:Signed, v153:Signed, v154:Signed):
  v155:Signed = int_sub(v151, 1)
  v156:Signed = direct_call(func0, v155)
  v157:Signed = int_sub(v151, 2)
  v158:Signed = direct_call(func0, v157)
  v159:Signed = int_add(v156, v158)
  goto block32(v152, v159, v153, v154)
block32(v160:Signed, v161:Signed, v162:Signed, v163:Signed):
  v164:Signed = int_add(v160, v161)
  goto block33(v162, v164, v163)
block33(v165:Signed, v166:Signed, v167:Signed):
  v168:Signed = int_sub(v165, 2)
  goto block34(v168, v166, v167)
block34(v169:Signed, v170:Signed, v171:Signed):
  v172:Bool = int_lt(v169, 2)
  switch v172:
    false: block35(v169, v170, v171)
    true: block42(v170, v169, v171)
block35(v173:Signed, v174:Signed, v175:Signed):
  v176:Signed = int_sub(v173, 1)
  goto block36(v176, v173, v174, v175)
block36(v177:Signed, v178:Signed, v179:Signed, v180:Signed):
  v181:Bool = int_lt(v177, 2)
  switch v181:
    false: block37(v177, v178, v179, v180)
    true: block38(v178, v177, v179, v180)
block37(v182:Signed, v183:Signed, v184:Signed, v185:Signed):
  v186:Signed = int_sub(v182, 1)
  v187:Signed = direct_call(func0, v186)
  v188:Signed = int_sub(v182, 2)
  v189:Signed = direct_call(func0, v188)
  v190:Signed = int_add(v187, v189)
  goto block38(v183, v190, v184, v185)
block38(v191:Signed, v192:Signed, v193:Signed, v194:Signed):
  v195:Signed = int_sub(v191, 2)
  goto block39(v195, v192, v193, v194)
block39(v196:Signed, v197:Signed, v198:Signed, v199:Signed):
  v200:Bool = int_lt(v196, 2)
  switch v200:
    false: block40(v196, v197, v198, v199)
    true: block41(v197, v196, v198, v199)
block40(v201:Signed, v202:Signed, v203:Signed, v204:Signed):
  v205:Signed = int_sub(v201, 1)
  v206:Signed = direct_call(func0, v205)
  v207:Signed = int_sub(v201, 2)
  v208:Signed = direct_call(func0, v207)
  v209:Signed = int_add(v206, v208)
  goto block41(v202, v209, v203, v204)
block41(v210:Signed, v211:Signed, v212:Signed, v213:Signed):
  v214:Signed = int_add(v210, v211)
  goto block42(v212, v214, v213)
block42(v215:Signed, v216:Signed, v217:Signed):
  v218:Signed = int_add(v215, v216)
  goto block43(v217, v218)
block43(v219:Signed, v220:Signed):
  v221:Signed = int_add(v219, v220)
  goto return(v221)
