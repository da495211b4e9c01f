#ifndef CONTEXTD_CGRAPHVIZ_SHIM_H
#define CONTEXTD_CGRAPHVIZ_SHIM_H
#include <graphviz/gvc.h>
#endif
