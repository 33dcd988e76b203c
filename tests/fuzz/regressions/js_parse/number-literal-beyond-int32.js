// a number literal outside int32 (UBSan: double to int conversion in the compiler)
({ 4294967295: 1 });
4294967295;
-2147483649;
1e300;
